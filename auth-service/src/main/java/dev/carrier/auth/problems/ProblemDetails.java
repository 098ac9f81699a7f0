package dev.carrier.auth.problems;

import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.http.ProblemDetail;

import dev.carrier.auth.web.ProblemDocument;

/**
 * Small helpers {@link ProblemAdvice} shares: a validation failure's detail, and the
 * fields every problem document promises.
 */
final class ProblemDetails {

	private ProblemDetails() {
	}

	/**
	 * One detail for several invalid fields ("field message"), sorted so it reads the
	 * same each time.
	 */
	static String invalidFields(Stream<String> fieldMessages) {
		return fieldMessages.sorted().collect(Collectors.joining("; "));
	}

	/**
	 * Spring MVC's own problems: make sure each has a title, a detail and a type too.
	 */
	static void complete(ProblemDetail problem, int status) {
		String reason = ProblemDocument.reason(status);
		if (problem.getTitle() == null) {
			problem.setTitle(reason);
		}
		if (problem.getDetail() == null) {
			problem.setDetail(reason);
		}
		if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
			// Serialised, about:blank would be left out; clients are promised a type.
			problem.setType(ProblemDocument.typeForStatus(status));
		}
	}

}
