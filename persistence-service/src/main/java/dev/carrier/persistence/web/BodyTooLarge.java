package dev.carrier.persistence.web;

import java.io.IOException;

import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * A request body ran past {@code carrier.request.max-body-size} while being read. An
 * IOException, so every reader treats it as the failed read it is; {@link ProblemAdvice}
 * finds it under the unreadable-body error it becomes and answers 413.
 */
class BodyTooLarge extends IOException {

	BodyTooLarge(long limit) {
		super("The request body is larger than " + limit + " bytes");
	}

	/**
	 * The BodyTooLarge behind this unreadable body, or null when something else was
	 * wrong.
	 */
	static BodyTooLarge causeOf(HttpMessageNotReadableException ex) {
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof BodyTooLarge tooLarge) {
				return tooLarge;
			}
		}
		return null;
	}

}
