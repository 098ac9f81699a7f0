package dev.carrier.persistence.web;

import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.carrier.persistence.chats.ChatNotFound;
import dev.carrier.persistence.snapshots.ConsumersBehind;
import dev.carrier.persistence.users.UserNotFound;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as an RFC 9457 problem document: the framework's 4xx (bad parameters,
 * methods, media types, unknown paths) through {@link ResponseEntityExceptionHandler},
 * the domain's here. A failure nobody expected is a 500 whose detail says nothing about
 * SQL or stack frames.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

	@ExceptionHandler({ ChatNotFound.class, UserNotFound.class })
	ProblemDetail notFound(RuntimeException ex) {
		return problem(HttpStatus.NOT_FOUND, "Not found", ex.getMessage(), "not-found");
	}

	@ExceptionHandler
	ProblemDetail invalid(ConstraintViolationException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Invalid request", ex.getMessage(), "invalid-request");
	}

	@ExceptionHandler
	ProblemDetail badArgument(IllegalArgumentException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Invalid request", ex.getMessage(), "invalid-request");
	}

	/**
	 * MySQL is down, restarting or timed out. That is not the client's fault and not a
	 * bug: a 503 with Retry-After tells the client to try again.
	 */
	@ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessException.class,
			RecoverableDataAccessException.class })
	ResponseEntity<ProblemDetail> storeUnavailable(DataAccessException ex) {
		log.warn("Answering 503, a store is unavailable: {}", ex.toString());
		return unavailable(5, "Storage is briefly unavailable. Try again shortly.");
	}

	/**
	 * The consumers could not be proven current: answering from MySQL now could rewind a
	 * chat.
	 */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> consumersBehind(ConsumersBehind ex) {
		log.warn("Answering 503: {}", ex.getMessage());
		return unavailable(1, "The durable record is catching up. Try again shortly.");
	}

	private static ResponseEntity<ProblemDetail> unavailable(int retryAfterSeconds, String detail) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds))
			.body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable", detail, "unavailable"));
	}

	/**
	 * A body that ran past carrier.request.max-body-size while being read
	 * ({@link BodySizeLimitFilter}).
	 */
	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		BodyTooLarge tooLarge = BodyTooLarge.causeOf(ex);
		if (tooLarge == null) {
			return super.handleHttpMessageNotReadable(ex, headers, status, request);
		}
		// the rest of the body is not read: the connection cannot carry another request
		headers.setConnection("close");
		return handleExceptionInternal(ex, problem(HttpStatus.CONTENT_TOO_LARGE, FilterProblem.TOO_LARGE_TITLE,
				tooLarge.getMessage(), FilterProblem.TOO_LARGE), headers, HttpStatus.CONTENT_TOO_LARGE, request);
	}

	@ExceptionHandler
	ProblemDetail unexpected(Exception ex) {
		log.error("Unexpected failure", ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "The request could not be completed",
				"internal");
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail, String type) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		problem.setType(FilterProblem.type(type));
		return problem;
	}

}
