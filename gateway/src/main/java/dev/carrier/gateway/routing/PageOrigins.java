package dev.carrier.gateway.routing;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Web origins ({@code scheme://host[:port]}) in one comparable spelling, and the origin a
 * request reached the gateway at: the page the web app was loaded from has that origin,
 * whatever address (localhost, 127.0.0.1, a host name) the user typed.
 */
final class PageOrigins {

	static final String FORWARDED_PROTO = "X-Forwarded-Proto";

	static final String FORWARDED_HOST = "X-Forwarded-Host";

	private PageOrigins() {
	}

	/**
	 * The origin the client reached: the request's scheme and {@code Host}; behind
	 * {@code trustedProxyHops} reverse proxies, the scheme and host that the outermost
	 * trusted one recorded in {@code X-Forwarded-Proto}/{@code X-Forwarded-Host}, which a
	 * client cannot forge past it. Null when the request names no usable host.
	 */
	static @Nullable String reachedAt(ServerHttpRequest request, int trustedProxyHops) {
		HttpHeaders headers = request.getHeaders();
		String scheme = request.getURI().getScheme();
		String host = headers.getFirst(HttpHeaders.HOST);
		if (host == null) {
			host = request.getURI().getRawAuthority();
		}
		if (trustedProxyHops > 0) {
			String forwardedScheme = trustedValue(headers.get(FORWARDED_PROTO), trustedProxyHops);
			String forwardedHost = trustedValue(headers.get(FORWARDED_HOST), trustedProxyHops);
			scheme = (forwardedScheme != null) ? forwardedScheme : scheme;
			host = (forwardedHost != null) ? forwardedHost : host;
		}
		if (scheme == null || host == null || host.isBlank()) {
			return null;
		}
		return normalize(httpScheme(scheme) + "://" + host.trim());
	}

	/**
	 * {@code scheme://host[:port]} in lower case without a default port, or null for
	 * anything that is not an http(s) origin (a path, user info, {@code null} from a
	 * sandboxed page...). A trailing slash, a common slip in configuration, is forgiven.
	 */
	static @Nullable String normalize(@Nullable String origin) {
		if (origin == null) {
			return null;
		}
		try {
			URI uri = new URI(origin.trim());
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : null;
			if (!("http".equals(scheme) || "https".equals(scheme)) || uri.getHost() == null
					|| uri.getRawUserInfo() != null
					|| !(uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))
					|| uri.getRawQuery() != null || uri.getRawFragment() != null) {
				return null;
			}
			int port = uri.getPort();
			boolean defaultPort = port == -1 || (port == 80 && scheme.equals("http"))
					|| (port == 443 && scheme.equals("https"));
			return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
		}
		catch (java.net.URISyntaxException ex) {
			return null;
		}
	}

	static List<String> normalizeAll(List<String> origins) {
		List<String> normalized = new ArrayList<>();
		for (String origin : origins) {
			String spelled = normalize(origin);
			if (spelled == null) {
				throw new IllegalArgumentException("Not a web origin (scheme://host[:port]): '" + origin + "'");
			}
			normalized.add(spelled);
		}
		return List.copyOf(normalized);
	}

	/**
	 * Proxies append to these headers; the value the outermost of {@code hops} trusted
	 * proxies added is {@code hops} from the right (as for {@code X-Forwarded-For}). A
	 * proxy that sets rather than appends leaves fewer values: then the leftmost is the
	 * nearest trusted one's.
	 */
	static @Nullable String trustedValue(@Nullable List<String> headerValues, int hops) {
		if (headerValues == null) {
			return null;
		}
		List<String> values = new ArrayList<>();
		for (String line : headerValues) {
			for (String value : line.split(",")) {
				if (!value.isBlank()) {
					values.add(value.trim());
				}
			}
		}
		return values.isEmpty() ? null : values.get(Math.max(0, values.size() - hops));
	}

	private static String httpScheme(String scheme) {
		return switch (scheme.trim().toLowerCase(Locale.ROOT)) {
			case "wss", "https" -> "https";
			default -> "http";
		};
	}

}
