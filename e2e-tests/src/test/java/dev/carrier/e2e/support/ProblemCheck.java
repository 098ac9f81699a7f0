package dev.carrier.e2e.support;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * What docs/api.md promises about every error: a 4xx RFC 9457 problem document, never a
 * trace.
 */
public final class ProblemCheck {

	/**
	 * Traces and internals a client must never see (class names, frames, SQL, framework
	 * pages).
	 */
	private static final Pattern LEAK = Pattern.compile(
			"(\\bat [a-z][\\w$]*(\\.[\\w$]+)+\\(|Exception\\b|\\bjava\\.(lang|io|util)\\.|org\\.springframework\\.|tools\\.jackson\\."
					+ "|com\\.fasterxml\\.|io\\.netty\\.|reactor\\.|SQLSTATE|SQLException|Whitelabel Error Page|<html)",
			Pattern.CASE_INSENSITIVE);

	private ProblemCheck() {
	}

	/**
	 * Everything wrong with {@code reply} as an answer to a request that must be refused.
	 */
	public static List<String> refusalFaults(CarrierApi.Reply reply) {
		List<String> faults = new ArrayList<>();
		if (reply.status() < 400 || reply.status() > 499) {
			faults.add("status " + reply.status() + " (want 4xx)");
		}
		faults.addAll(problemFaults(reply));
		return faults;
	}

	/**
	 * Faults of the body as a problem document (status, title, media type) and any leaked
	 * internals.
	 */
	public static List<String> problemFaults(CarrierApi.Reply reply) {
		List<String> faults = new ArrayList<>(leaks(reply));
		String type = reply.header("Content-Type");
		if (type == null || !type.toLowerCase().startsWith("application/problem+json")) {
			faults.add("Content-Type " + type + " (want application/problem+json)");
			return faults;
		}
		try {
			JsonNode problem = reply.json();
			if (problem.path("status").asInt(-1) != reply.status()) {
				faults.add("problem status " + problem.path("status") + " != " + reply.status());
			}
			if (problem.path("title").asString("").isBlank()) {
				faults.add("problem without title");
			}
		}
		catch (RuntimeException ex) {
			faults.add("problem body is not JSON");
		}
		return faults;
	}

	public static List<String> leaks(CarrierApi.Reply reply) {
		String text = reply.text();
		var matcher = LEAK.matcher(text);
		return matcher.find() ? List.of("leaks internals: '" + matcher.group() + "'") : List.of();
	}

}
