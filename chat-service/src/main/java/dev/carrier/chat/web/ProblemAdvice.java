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

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one translation of errors into RFC 9457 problem documents: each feature's domain
 * exceptions (thrown without knowing about HTTP) get their status here. Spring MVC's own
 * exceptions (malformed JSON, wrong types, validation, unknown paths, wrong methods and
 * media types) are handled by the base class as 4xx problems, completed here with a
 * {@code type} and a detail that says what was wrong. Nothing leaks a stack trace.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

	/**
	 * A chat or message the caller may not see is indistinguishable from one that does
	 * not exist.
	 */
	@ExceptionHandler({ ChatNotFound.class, MessageNotFound.class, UnknownMember.class, UnknownUser.class })
	ProblemDetail notFound(RuntimeException ex) {
		return problem(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail invalid(InvalidRequest ex) {
		return problem(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	/**
	 * A query string Tomcat cannot decode (bytes that are no UTF-8, e.g.
	 * {@code chatId=%C0%AE}): the client's fault, found by the fuzz.
	 */
	@ExceptionHandler
	ProblemDetail undecodable(InvalidParameterException ex) {
		return problem(HttpStatus.BAD_REQUEST, "The query string is not valid UTF-8");
	}

	@ExceptionHandler
	ProblemDetail unauthenticated(Unauthenticated ex) {
		return problem(HttpStatus.UNAUTHORIZED, ex.getMessage());
	}

	/** The 409 carries the pair's chat, so the client can open it instead. */
	@ExceptionHandler
	ProblemDetail directChatExists(DirectChatExists ex) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, ex.getMessage());
		problem.setProperty("chat", ex.chat());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail clientMessageIdTaken(ClientMessageIdTaken ex) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, ex.getMessage());
		problem.setProperty("messageId", ex.messageId());
		return problem;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unavailable(ServiceUnavailable ex) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "1")
			.body(problem(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage()));
	}

	/**
	 * A store (Redis) is down, restarting or timed out. That is not the client's fault
	 * and not a bug: a 503 tells the client to retry (sends are idempotent by
	 * clientMessageId).
	 */
	@ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessException.class,
			RecoverableDataAccessException.class, RedisSystemException.class })
	ResponseEntity<ProblemDetail> storeUnavailable(DataAccessException ex) {
		log.warn("Answering 503, a store is unavailable: {}", ex.toString());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "5")
			.body(problem(HttpStatus.SERVICE_UNAVAILABLE,
					"Storage is briefly unavailable; nothing was lost. Try again shortly."));
	}

	@ExceptionHandler
	ProblemDetail unexpected(Exception ex) {
		log.error("Unexpected error", ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side");
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		BodyTooLarge tooLarge = BodyTooLarge.causeOf(ex);
		if (tooLarge != null) {
			// the rest of the body is not read: the connection cannot carry another
			// request
			headers.setConnection("close");
			return handleExceptionInternal(ex,
					ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, tooLarge.getMessage()), headers,
					HttpStatus.CONTENT_TOO_LARGE, request);
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, unreadable(ex));
		return handleExceptionInternal(ex, problem, headers, status, request);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String detail = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(ProblemAdvice::describe)
			.sorted()
			.collect(Collectors.joining("; "));
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				detail.isEmpty() ? "Invalid request content" : detail);
		return handleExceptionInternal(ex, problem, headers, status, request);
	}

	/**
	 * Every problem Spring MVC makes passes here: give it a type (it has only
	 * about:blank).
	 */
	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
			WebRequest request) {
		if (body instanceof ProblemDetail problem) {
			Problems.complete(problem);
		}
		return super.createResponseEntity(body, headers, statusCode, request);
	}

	private static String describe(FieldError error) {
		return "'" + error.getField() + "' " + error.getDefaultMessage();
	}

	/** Says which field had the wrong type, without echoing Jackson's internals. */
	private static String unreadable(HttpMessageNotReadableException ex) {
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
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

	private static ProblemDetail problem(HttpStatus status, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(Problems.type(status.value()));
		return problem;
	}

}
