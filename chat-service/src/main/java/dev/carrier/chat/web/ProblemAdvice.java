package dev.carrier.chat.web;

import java.net.URI;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Maps every error to an RFC 9457 problem document; Spring MVC's own exceptions (malformed
 * JSON, wrong types, validation, unknown paths, wrong methods and media types) are handled by
 * the base class as 4xx problems. Nothing leaks a stack trace.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

	@ExceptionHandler
	ProblemDetail notFound(NotFound ex) {
		return problem(HttpStatus.NOT_FOUND, "not-found", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail badRequest(BadRequest ex) {
		return problem(HttpStatus.BAD_REQUEST, "bad-request", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail unauthenticated(Unauthenticated ex) {
		return problem(HttpStatus.UNAUTHORIZED, "unauthenticated", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail conflict(Conflict ex) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, "conflict", ex.getMessage());
		problem.setProperty(ex.property(), ex.value());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail unavailable(ServiceUnavailable ex) {
		return problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail unexpected(Exception ex) {
		log.error("Unexpected error", ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Something went wrong on our side");
	}

	private static ProblemDetail problem(HttpStatus status, String type, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("https://carrier.dev/problems/" + type));
		return problem;
	}

}
