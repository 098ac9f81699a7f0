package dev.carrier.auth.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The one place problem types are named, so a problem raised by Spring MVC, by the {@code /error}
 * page or by Tomcat itself carries a {@code type} like the service's own.
 */
final class Problems {

	static final String TYPE_BASE = "https://carrier.dev/problems/";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Problems() {
	}

	static URI type(String name) {
		return URI.create(TYPE_BASE + name);
	}

	/** The advice's answers: a problem of a named type, with or without one header. */
	static ResponseEntity<ProblemDetail> simple(HttpStatus status, String type, String title, String detail) {
		return ResponseEntity.status(status).body(body(status, type, title, detail));
	}

	static ResponseEntity<ProblemDetail> withHeader(HttpStatus status, String type, String title, String detail,
			String headerName, String headerValue) {
		return ResponseEntity.status(status).header(headerName, headerValue).body(body(status, type, title, detail));
	}

	static ProblemDetail body(HttpStatus status, String type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type(type));
		problem.setTitle(title);
		return problem;
	}

	/** A type named for the status, e.g. {@code .../method-not-allowed}. */
	static URI typeFor(int status) {
		return type(slug(reason(status)));
	}

	static String reason(int status) {
		HttpStatus known = HttpStatus.resolve(status);
		return (known != null) ? known.getReasonPhrase() : "Error";
	}

	/** A generic detail that never says anything about the inside. */
	static String detailFor(int status) {
		return switch (status) {
			case 400 -> "The request is malformed.";
			case 404 -> "No such resource.";
			case 405 -> "This method is not allowed here.";
			case 413 -> "The request is too large.";
			case 415 -> "This content type is not supported here.";
			default -> (status >= 500) ? "Something went wrong on our side." : reason(status) + ".";
		};
	}

	/** A problem document for writers outside Spring MVC (the error page, Tomcat's valve). */
	static byte[] json(int status, String detail, String instance) {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", typeFor(status).toString());
		problem.put("title", reason(status));
		problem.put("status", status);
		problem.put("detail", detail);
		if (instance != null) {
			problem.put("instance", instance);
		}
		return JSON.writeValueAsBytes(problem);
	}

	private static String slug(String reason) {
		return reason.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
	}

}
