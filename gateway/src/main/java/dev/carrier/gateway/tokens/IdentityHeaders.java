package dev.carrier.gateway.tokens;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
		List<String> doomed = new ArrayList<>();
		for (String name : headers.headerNames()) {
			String lower = name.toLowerCase(Locale.ROOT);
			if (lower.startsWith(RESERVED_PREFIX) || FORGEABLE.contains(lower)) {
				doomed.add(name);
			}
		}
		doomed.forEach(headers::remove);
	}

}
