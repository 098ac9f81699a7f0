package dev.carrier.gateway.tokens;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpHeaders;

/**
 * Headers a client must never send: the gateway's own ({@code X-Carrier-*}, among them
 * the signed identity assertion) and the ones other systems use for an identity. Services
 * believe only a signed assertion, but stripping look-alikes keeps a forged header from
 * reaching any log or downstream component that might read it.
 */
public final class IdentityHeaders {

	private static final String RESERVED_PREFIX = "x-carrier-";

	private static final List<String> FORGEABLE = List.of("x-user-id", "x-forwarded-user");

	private IdentityHeaders() {
	}

	/**
	 * Removes every header named {@code X-Carrier-*}, {@code X-User-Id} or
	 * {@code X-Forwarded-User}.
	 */
	public static void strip(HttpHeaders headers) {
		List<String> doomed = null;
		for (String name : headers.headerNames()) {
			if (isForgeable(name)) {
				if (doomed == null) {
					doomed = new ArrayList<>(2);
				}
				doomed.add(name);
			}
		}
		if (doomed != null) {
			doomed.forEach(headers::remove);
		}
	}

	/** Whether the client sent any header that {@link #strip} would remove. */
	public static boolean anyPresent(HttpHeaders headers) {
		for (String name : headers.headerNames()) {
			if (isForgeable(name)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Case-insensitive without allocating: this runs for every header of every request.
	 */
	static boolean isForgeable(String name) {
		if (name.regionMatches(true, 0, RESERVED_PREFIX, 0, RESERVED_PREFIX.length())) {
			return true;
		}
		for (String forgeable : FORGEABLE) {
			if (name.equalsIgnoreCase(forgeable)) {
				return true;
			}
		}
		return false;
	}

}
