package dev.carrier.gateway.tokens;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpHeaders;

/**
 * The headers through which the gateway tells a service who the caller is. Services trust them
 * blindly, so a client must never be able to send them: every incoming header that could pass
 * for one is removed before the gateway sets its own.
 */
public final class IdentityHeaders {

	public static final String USER_ID = "X-Carrier-User-Id";

	private static final String RESERVED_PREFIX = "x-carrier-";

	private static final List<String> FORGEABLE = List.of("x-user-id", "x-forwarded-user");

	private IdentityHeaders() {
	}

	/** Removes every header named {@code X-Carrier-*}, {@code X-User-Id} or {@code X-Forwarded-User}. */
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

	/** Case-insensitive without allocating: this runs for every header of every request. */
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
