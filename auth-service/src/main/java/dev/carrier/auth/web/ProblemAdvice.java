package dev.carrier.auth.web;

import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import dev.carrier.auth.accounts.AccountTaken;
import dev.carrier.auth.accounts.UserNotFound;
import dev.carrier.auth.attempts.TooManyAttempts;
import dev.carrier.auth.avatars.AvatarProblems;
import dev.carrier.auth.credentials.HashingBusy;
import dev.carrier.auth.credentials.WrongPassword;
import dev.carrier.auth.events.EventNotPublished;
import dev.carrier.auth.remote.RemoteUnavailable;
import dev.carrier.auth.sessions.Unauthenticated;

import static dev.carrier.auth.web.Problems.body;
import static dev.carrier.auth.web.Problems.simple;
import static dev.carrier.auth.web.Problems.withHeader;

/**
 * Every error a client can see, as an RFC 9457 problem document. Spring MVC's own exceptions
 * (malformed JSON, wrong media type or method, bad parameters) come through the base class as
 * 4xx problems; the domain's exceptions are mapped here once; anything else is a 500 whose detail
 * says nothing about the inside.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unauthenticated(Unauthenticated ex) {
		return withHeader(HttpStatus.UNAUTHORIZED, "unauthenticated", "Not authenticated", ex.getMessage(),
				HttpHeaders.WWW_AUTHENTICATE, "Bearer");
	}

	/** A refused action, not a dead session: 403, so a client keeps the session (401 ends it). */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> wrongPassword(WrongPassword ex) {
		return simple(HttpStatus.FORBIDDEN, "wrong-password", "Wrong password", ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> accountTaken(AccountTaken ex) {
		ProblemDetail body = body(HttpStatus.CONFLICT, ex.field() + "-taken", "Already taken", ex.getMessage());
		body.setProperty("field", ex.field());
		return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> userNotFound(UserNotFound ex) {
		return simple(HttpStatus.NOT_FOUND, "user-not-found", "Not found", ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> avatarNotFound(AvatarProblems.AvatarNotFound ex) {
		return simple(HttpStatus.NOT_FOUND, "avatar-not-found", "Not found", ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> avatarTooLarge(AvatarProblems.AvatarTooLarge ex) {
		return simple(HttpStatus.CONTENT_TOO_LARGE, "avatar-too-large", "Avatar too large", ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unsupportedImage(AvatarProblems.UnsupportedImage ex) {
		return simple(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-image", "Unsupported image", ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalidImage(AvatarProblems.InvalidImage ex) {
		return simple(HttpStatus.BAD_REQUEST, "invalid-image", "Invalid image", ex.getMessage());
	}

	/** Multipart parsing is off (no endpoint takes it); should a part still be parsed, it is the client's. */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> multipart(MultipartException ex) {
		return simple(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported Media Type",
				"Multipart bodies are not accepted here.");
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unknownPreset(AvatarProblems.UnknownPreset ex) {
		return simple(HttpStatus.BAD_REQUEST, "unknown-preset", "Unknown preset", ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> hashingBusy(HashingBusy ex) {
		return withHeader(HttpStatus.TOO_MANY_REQUESTS, "busy", "Too many requests", ex.getMessage(),
				HttpHeaders.RETRY_AFTER, "1");
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> tooManyAttempts(TooManyAttempts ex) {
		return withHeader(HttpStatus.TOO_MANY_REQUESTS, "too-many-attempts", "Too many attempts", ex.getMessage(),
				HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfterSeconds()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> decodingBusy(AvatarProblems.DecodingBusy ex) {
		return withHeader(HttpStatus.SERVICE_UNAVAILABLE, "busy", "Service unavailable", ex.getMessage(),
				HttpHeaders.RETRY_AFTER, "1");
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> eventNotPublished(EventNotPublished ex) {
		String detail = "The change could not be stored durably; nothing was changed. Try again shortly.";
		return withHeader(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Service unavailable", detail,
				HttpHeaders.RETRY_AFTER, "5");
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> remoteUnavailable(RemoteUnavailable ex) {
		log.warn("Answering 503: {}", ex.getMessage());
		String detail = "A service this request needs is unavailable. Try again shortly.";
		return withHeader(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Service unavailable", detail,
				HttpHeaders.RETRY_AFTER, "5");
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException ex) {
		String detail = ex.getConstraintViolations()
			.stream()
			.map((violation) -> violation.getPropertyPath() + " " + violation.getMessage())
			.sorted()
			.collect(Collectors.joining("; "));
		return simple(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail);
	}

	/**
	 * A store (Redis/MySQL) is down, restarting or timed out. That is not the client's fault and
	 * not a bug: a 503 with Retry-After tells the client to try again.
	 */
	@ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessException.class,
			RecoverableDataAccessException.class, RedisSystemException.class })
	ResponseEntity<ProblemDetail> storeUnavailable(DataAccessException ex) {
		log.warn("Answering 503, a store is unavailable: {}", ex.toString());
		return withHeader(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Service unavailable",
				"Storage is briefly unavailable. Try again shortly.", HttpHeaders.RETRY_AFTER, "5");
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		log.error("Unexpected error", ex);
		return simple(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
				"Something went wrong on our side.");
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String detail = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> error.getField() + " " + error.getDefaultMessage())
			.sorted()
			.collect(Collectors.joining("; "));
		ProblemDetail body = body(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
				detail.isEmpty() ? "Invalid request content." : detail);
		return ResponseEntity.badRequest().body(body);
	}

	/** Spring MVC's own problems: make sure each has a title and a detail too. */
	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
			WebRequest request) {
		if (body instanceof ProblemDetail problem) {
			HttpStatus status = HttpStatus.resolve(statusCode.value());
			String reason = (status != null) ? status.getReasonPhrase() : "Error";
			if (problem.getTitle() == null) {
				problem.setTitle(reason);
			}
			if (problem.getDetail() == null) {
				problem.setDetail(reason);
			}
			if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
				// Serialised, about:blank would be left out; clients are promised a type.
				problem.setType(Problems.typeFor(statusCode.value()));
			}
		}
		return super.createResponseEntity(body, headers, statusCode, request);
	}

}
