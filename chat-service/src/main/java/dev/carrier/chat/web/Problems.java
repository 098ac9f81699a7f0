package dev.carrier.chat.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Problem types, one per status, so every problem (ours, Spring MVC's, Tomcat's) carries a
 * {@code type} a client can switch on.
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

	/** Fills in what a framework-made problem leaves out (its type is {@code about:blank}). */
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

	/** The problem as plain fields, for writers outside Spring MVC (the error page, Tomcat). */
	static Map<String, Object> fields(int status, String detail, String instance) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("type", type(status).toString());
		fields.put("title", title(status));
		fields.put("status", status);
		fields.put("detail", (detail != null && !detail.isBlank()) ? detail : title(status));
		if (instance != null) {
			fields.put("instance", instance);
		}
		return fields;
	}

}
