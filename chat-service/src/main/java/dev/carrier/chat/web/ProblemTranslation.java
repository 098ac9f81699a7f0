package dev.carrier.chat.web;

import java.util.stream.Collectors;

import dev.carrier.chat.chats.ChatNotFound;
import dev.carrier.chat.chats.DirectChatExists;
import dev.carrier.chat.chats.UnknownMember;
import dev.carrier.chat.messages.ClientMessageIdTaken;
import dev.carrier.chat.messages.MessageNotFound;
import dev.carrier.chat.shared.InvalidRequest;
import dev.carrier.chat.shared.ServiceUnavailable;
import dev.carrier.chat.shared.UnknownUser;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;

/**
 * The one translation of errors into RFC 9457 problem documents, for the answers over
 * HTTP ({@link ProblemAdvice}) and over a socket ({@link SocketSendAnswers}) alike: each
 * feature's domain exceptions (thrown without knowing about HTTP) get their status here.
 * Nothing leaks a stack trace.
 */
final class ProblemTranslation {

	private static final Logger log = LoggerFactory.getLogger(ProblemTranslation.class);

	private ProblemTranslation() {
	}

	/**
	 * A problem document and, when the client should come back, after how many seconds
	 * (HTTP says it in {@code Retry-After}, a socket's answer in the problem).
	 */
	record Translated(ProblemDetail problem, Long retryAfterSeconds) {

		ResponseEntity<ProblemDetail> toResponse() {
			ResponseEntity.BodyBuilder response = ResponseEntity.status(this.problem.getStatus());
			if (this.retryAfterSeconds != null) {
				response.header(HttpHeaders.RETRY_AFTER, Long.toString(this.retryAfterSeconds));
			}
			return response.body(this.problem);
		}

	}

	static Translated translate(Exception ex) {
		// A chat or message the caller may not see is indistinguishable from one that
		// does not exist.
		if (ex instanceof ChatNotFound || ex instanceof MessageNotFound || ex instanceof UnknownMember
				|| ex instanceof UnknownUser) {
			return of(HttpStatus.NOT_FOUND, ex.getMessage());
		}
		if (ex instanceof InvalidRequest) {
			return of(HttpStatus.BAD_REQUEST, ex.getMessage());
		}
		if (ex instanceof InvalidParameterException) {
			// bytes that are no UTF-8 in a query string (chatId=%C0%AE), found by the
			// fuzz
			return of(HttpStatus.BAD_REQUEST, "The query string is not valid UTF-8");
		}
		if (ex instanceof Unauthenticated) {
			return of(HttpStatus.UNAUTHORIZED, ex.getMessage());
		}
		if (ex instanceof DirectChatExists exists) {
			// the pair's chat, so the client can open it instead
			Translated conflict = of(HttpStatus.CONFLICT, ex.getMessage());
			conflict.problem().setProperty("chat", exists.chat());
			return conflict;
		}
		if (ex instanceof ClientMessageIdTaken taken) {
			Translated conflict = of(HttpStatus.CONFLICT, ex.getMessage());
			conflict.problem().setProperty("messageId", taken.messageId());
			return conflict;
		}
		if (ex instanceof ServiceUnavailable) {
			return new Translated(problem(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage()), 1L);
		}
		if (isStoreUnavailable(ex)) {
			// Redis is down, restarting or timed out: not the client's fault and not a
			// bug; a send retried with its clientMessageId is safe
			log.warn("Answering 503, a store is unavailable: {}", ex.toString());
			return new Translated(problem(HttpStatus.SERVICE_UNAVAILABLE,
					"Storage is briefly unavailable; nothing was lost. Try again shortly."), 5L);
		}
		if (ex instanceof ErrorResponse refusal) {
			// another service's refusal passed on as it was (an attachment's 400, 413,
			// 415)
			return new Translated(Problems.complete(refusal.getBody()), null);
		}
		log.error("Unexpected error", ex);
		return of(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side");
	}

	static Translated tooManyRequests(long retryAfterSeconds) {
		return new Translated(problem(HttpStatus.TOO_MANY_REQUESTS, "Too many requests. Try again in "
				+ retryAfterSeconds + ((retryAfterSeconds == 1) ? " second." : " seconds.")), retryAfterSeconds);
	}

	/**
	 * Says which field of a body Jackson could not read had the wrong type, without
	 * echoing Jackson's internals.
	 */
	static String unreadable(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof StreamReadException) {
				return "Malformed JSON";
			}
			if (cause instanceof JacksonException jackson) {
				String field = jackson.getPath()
					.stream()
					.map(ref -> (ref.getPropertyName() != null) ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
					.collect(Collectors.joining("."));
				return field.isEmpty() ? "Request body does not match the expected JSON"
						: "Field '" + field + "' is missing or has the wrong type";
			}
		}
		return "Request body is missing or is not readable JSON";
	}

	private static boolean isStoreUnavailable(Exception ex) {
		return ex instanceof DataAccessResourceFailureException || ex instanceof TransientDataAccessException
				|| ex instanceof RecoverableDataAccessException || ex instanceof RedisSystemException;
	}

	private static Translated of(HttpStatus status, String detail) {
		return new Translated(problem(status, detail), null);
	}

	static ProblemDetail problem(HttpStatus status, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(Problems.type(status.value()));
		return Problems.complete(problem);
	}

}
