package dev.carrier.chat.web;

import java.util.stream.Collectors;

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
 * Answers every failed request with a problem document: the exceptions of the features
 * through {@link ProblemTranslation} (shared with the socket's answers), Spring MVC's own
 * (malformed JSON, wrong types, validation, unknown paths, wrong methods and media types)
 * through the base class, completed here with a {@code type} and a detail that says what
 * was wrong.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

	@ExceptionHandler
	ResponseEntity<ProblemDetail> translated(Exception ex) {
		return ProblemTranslation.translate(ex).toResponse();
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
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ProblemTranslation.unreadable(ex.getCause()));
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

}
