package dev.carrier.chat.web;

import java.io.IOException;
import java.net.URI;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Problem types, one per status, so every problem (ours, Spring MVC's, Tomcat's) carries
 * a {@code type} a client can switch on.
 */
final class Problems {

	static final String BASE = "https://carrier.dev/problems/";

	static final String MEDIA_TYPE = "application/problem+json";

	private Problems() {
	}

	static URI type(int status) {
		String slug = switch (status) {
			case 400 -> "bad-request";
			case 401 -> "unauthenticated";
			case 404 -> "not-found";
			case 405 -> "method-not-allowed";
			case 406 -> "not-acceptable";
			case 409 -> "conflict";
			case 413 -> "too-large";
			case 414 -> "uri-too-long";
			case 415 -> "unsupported-media-type";
			case 431 -> "headers-too-large";
			case 503 -> "unavailable";
			default -> (status >= 500) ? "internal" : "http-" + status;
		};
		return URI.create(BASE + slug);
	}

	static String title(int status) {
		HttpStatus known = HttpStatus.resolve(status);
		return (known != null) ? known.getReasonPhrase() : "Error";
	}

	/**
	 * Fills in what a framework-made problem leaves out (its type is
	 * {@code about:blank}).
	 */
	static ProblemDetail complete(ProblemDetail problem) {
		if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
			problem.setType(type(problem.getStatus()));
		}
		if (problem.getTitle() == null) {
			problem.setTitle(title(problem.getStatus()));
		}
		if (problem.getDetail() == null) {
			problem.setDetail(title(problem.getStatus()));
		}
		return problem;
	}

	/**
	 * The problem as a plain record, for writers outside Spring MVC (filters, the error
	 * page, Tomcat).
	 */
	static Body body(int status, String detail, String instance) {
		return new Body(type(status).toString(), title(status), status,
				(detail != null && !detail.isBlank()) ? detail : title(status), instance);
	}

	/**
	 * Answers with the problem directly, for the filters and the error page that run
	 * outside Spring MVC.
	 */
	static void write(HttpServletResponse response, JsonMapper json, int status, String detail, String instance)
			throws IOException {
		response.setStatus(status);
		response.setContentType(MEDIA_TYPE);
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getOutputStream(), body(status, detail, instance));
	}

	/**
	 * {@code {type, title, status, detail, instance}}, the shape of every problem this
	 * service writes.
	 */
	record Body(String type, String title, int status, String detail,
			@JsonInclude(JsonInclude.Include.NON_NULL) String instance) {
	}

}
