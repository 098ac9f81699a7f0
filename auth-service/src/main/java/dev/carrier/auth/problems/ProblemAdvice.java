package dev.carrier.auth.problems;

import jakarta.validation.ConstraintViolationException;
import org.apache.tomcat.util.http.InvalidParameterException;
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
import dev.carrier.auth.accounts.WrongPassword;
import dev.carrier.auth.attempts.TooManyAttempts;
import dev.carrier.auth.avatars.AvatarProblems;
import dev.carrier.auth.credentials.HashingBusy;
import dev.carrier.auth.events.EventNotPublished;
import dev.carrier.auth.remote.RemoteUnavailable;
import dev.carrier.auth.sessions.Unauthenticated;

import static dev.carrier.auth.problems.ProblemResponse.problem;
import static dev.carrier.auth.problems.ProblemResponse.unavailable;

/**
 * Every error a client can see, as an RFC 9457 problem document: each feature's
 * exceptions are mapped here once; Spring MVC's own (malformed JSON, wrong media type or
 * method, bad parameters) come through the base class as 4xx problems; anything else is a
 * 500 whose detail says nothing about the inside. Errors that never reach Spring MVC are
 * the web package's ({@code TomcatRefusalValve}, {@code NonMvcErrorController}, the
 * filters).
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unauthenticated(Unauthenticated ex) {
		return problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Not authenticated", ex.getMessage())
			.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
			.build();
	}

	/**
	 * A refused action, not a dead session: 403, so a client keeps the session (401 ends
	 * it).
	 */
	/** A query string Tomcat cannot decode (bytes that are no UTF-8). */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> undecodable(InvalidParameterException ex) {
		return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", "Query string not UTF-8").build();
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> wrongPassword(WrongPassword ex) {
		return problem(HttpStatus.FORBIDDEN, "wrong-password", "Wrong password", ex.getMessage()).build();
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> accountTaken(AccountTaken ex) {
		ProblemResponse taken = problem(HttpStatus.CONFLICT, ex.field() + "-taken", "Already taken", ex.getMessage());
		taken.body().setProperty("field", ex.field());
		return taken.build();
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> userNotFound(UserNotFound ex) {
		return problem(HttpStatus.NOT_FOUND, "user-not-found", "Not found", ex.getMessage()).build();
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> avatarNotFound(AvatarProblems.AvatarNotFound ex) {
		return problem(HttpStatus.NOT_FOUND, "avatar-not-found", "Not found", ex.getMessage()).build();
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> avatarTooLarge(AvatarProblems.AvatarTooLarge ex) {
		return problem(HttpStatus.CONTENT_TOO_LARGE, "avatar-too-large", "Avatar too large", ex.getMessage()).build();
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unsupportedImage(AvatarProblems.UnsupportedImage ex) {
		return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-image", "Unsupported image", ex.getMessage())
			.build();
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalidImage(AvatarProblems.InvalidImage ex) {
		return problem(HttpStatus.BAD_REQUEST, "invalid-image", "Invalid image", ex.getMessage()).build();
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unknownPreset(AvatarProblems.UnknownPreset ex) {
		return problem(HttpStatus.BAD_REQUEST, "unknown-preset", "Unknown preset", ex.getMessage()).build();
	}

	/**
	 * Multipart parsing is off (no endpoint takes it); should a part still be parsed, it
	 * is the client's.
	 */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> multipart(MultipartException ex) {
		return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported Media Type",
				"Multipart bodies are not accepted here.")
			.build();
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> hashingBusy(HashingBusy ex) {
		return problem(HttpStatus.TOO_MANY_REQUESTS, "busy", "Too many requests", ex.getMessage()).retryAfter("1");
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> tooManyAttempts(TooManyAttempts ex) {
		return problem(HttpStatus.TOO_MANY_REQUESTS, "too-many-attempts", "Too many attempts", ex.getMessage())
			.retryAfter(Long.toString(ex.retryAfterSeconds()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> decodingBusy(AvatarProblems.DecodingBusy ex) {
		return unavailable("busy", ex.getMessage(), "1");
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> eventNotPublished(EventNotPublished ex) {
		return unavailable("The change could not be stored durably; nothing was changed. Try again shortly.");
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> remoteUnavailable(RemoteUnavailable ex) {
		log.warn("Answering 503: {}", ex.getMessage());
		return unavailable("A service this request needs is unavailable. Try again shortly.");
	}

	/**
	 * A store (Redis) is down, restarting or timed out. That is not the client's fault
	 * and not a bug: a 503 with Retry-After tells the client to try again.
	 */
	@ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessException.class,
			RecoverableDataAccessException.class, RedisSystemException.class })
	ResponseEntity<ProblemDetail> storeUnavailable(DataAccessException ex) {
		log.warn("Answering 503, a store is unavailable: {}", ex.toString());
		return unavailable("Storage is briefly unavailable. Try again shortly.");
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException ex) {
		String detail = ProblemDetails.invalidFields(ex.getConstraintViolations()
			.stream()
			.map((violation) -> violation.getPropertyPath() + " " + violation.getMessage()));
		return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail).build();
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		log.error("Unexpected error", ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
				"Something went wrong on our side.")
			.build();
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String detail = ProblemDetails.invalidFields(ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> error.getField() + " " + error.getDefaultMessage()));
		return ResponseEntity.badRequest()
			.body(problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
					detail.isEmpty() ? "Invalid request content." : detail)
				.body());
	}

	/** Spring MVC's own problems: make sure each has a title, a detail and a type too. */
	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
			WebRequest request) {
		if (body instanceof ProblemDetail problem) {
			ProblemDetails.complete(problem, statusCode.value());
		}
		return super.createResponseEntity(body, headers, statusCode, request);
	}

}
