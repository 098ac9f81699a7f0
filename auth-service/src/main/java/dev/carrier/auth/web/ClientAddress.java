package dev.carrier.auth.web;

import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The address of the client behind a request. The gateway decides it once, by its own
 * rule (the connection's address, or the entry {@code CARRIER_TRUSTED_PROXY_HOPS} from
 * the right of {@code X-Forwarded-For} behind an ingress), and passes it in
 * {@link #HEADER}, which it strips from every incoming request; so auth-service never
 * reads {@code X-Forwarded-For} itself, which a client could write. A request that did
 * not come through the gateway counts as coming from its connection's address.
 */
public final class ClientAddress {

	public static final String HEADER = "X-Carrier-Client-Address";

	/** IPv4 or IPv6 text, nothing that could smuggle a key separator or grow a key. */
	private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f.:]{2,45}");

	private ClientAddress() {
	}

	public static String of(HttpServletRequest request) {
		String forwarded = request.getHeader(HEADER);
		if (forwarded != null && ADDRESS.matcher(forwarded).matches()) {
			return forwarded;
		}
		return request.getRemoteAddr();
	}

}
