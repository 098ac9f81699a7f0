package dev.carrier.auth.web;

import java.net.URI;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;

/**
 * A problem document (RFC 9457) and the one place problem types are named, so a problem
 * raised by the advice, by the {@code /error} page, by a filter or by Tomcat itself
 * carries a {@code type} like every other. Those outside Spring MVC write it with
 * {@link #toJson()}.
 */
public record ProblemDocument(String type, String title, int status, String detail,
		@JsonInclude(JsonInclude.Include.NON_NULL) String instance) {

	public static final String TYPE_BASE = "https://carrier.dev/problems/";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** A named type, e.g. {@code .../user-not-found}. */
	public static URI type(String name) {
		return URI.create(TYPE_BASE + name);
	}

	/** A type named for the status, e.g. {@code .../method-not-allowed}. */
	public static URI typeForStatus(int status) {
		return type(reason(status).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
	}

	public static String reason(int status) {
		HttpStatus known = HttpStatus.resolve(status);
		return (known != null) ? known.getReasonPhrase() : "Error";
	}

	/** A generic detail that never says anything about the inside. */
	static String genericDetail(int status) {
		return switch (status) {
			case 400 -> "The request is malformed.";
			case 404 -> "No such resource.";
			case 405 -> "This method is not allowed here.";
			case 413 -> "The request is too large.";
			case 415 -> "This content type is not supported here.";
			default -> (status >= 500) ? "Something went wrong on our side." : reason(status) + ".";
		};
	}

	/** The problem of a status, typed and titled for it; {@code instance} may be null. */
	static ProblemDocument of(int status, String detail, String instance) {
		return new ProblemDocument(typeForStatus(status).toString(), reason(status), status, detail, instance);
	}

	byte[] toJson() {
		return JSON.writeValueAsBytes(this);
	}

}
