package dev.carrier.e2e.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * The headers of a fuzz case, as a mutable list so that a generator can add a hostile
 * one.
 */
final class Headers {

	private Headers() {
	}

	static List<String[]> json(String token) {
		List<String[]> headers = new ArrayList<>();
		headers.add(new String[] { "Content-Type", "application/json" });
		if (token != null) {
			headers.add(new String[] { "Authorization", "Bearer " + token });
		}
		return headers;
	}

	static List<String[]> bearer(String token) {
		List<String[]> headers = new ArrayList<>();
		headers.add(new String[] { "Authorization", "Bearer " + token });
		return headers;
	}

}
