package dev.carrier.gateway.routing;

import java.util.Locale;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import dev.carrier.gateway.errors.Problems;

/**
 * Routes match the raw path, and the services normalize it afterwards:
 * {@code /api/chats/../../internal/x} or {@code /api/chats/..;/internal/x} would match
 * {@code /api/chats/**} here and reach {@code /internal/x} there. Such paths (dot
 * segments, encoded slashes, dots or backslashes, path parameters) are answered 404
 * before any route sees them.
 */
@Component
class PathGuardFilter implements WebFilter, Ordered {

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 30;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (HttpMethod.TRACE.equals(exchange.getRequest().getMethod())) {
			// Never useful through the gateway, and the services' servers answer it in
			// their own shape.
			return Problems.write(exchange, HttpStatus.METHOD_NOT_ALLOWED, "TRACE is not allowed.");
		}
		String rawPath = exchange.getRequest().getURI().getRawPath();
		if (rawPath != null && isAmbiguous(rawPath)) {
			return Problems.write(exchange, HttpStatus.NOT_FOUND, "Nothing is served at this path.");
		}
		return chain.filter(exchange);
	}

	static boolean isAmbiguous(String rawPath) {
		String path = rawPath.toLowerCase(Locale.ROOT);
		if (!decodesToPrintableUtf8(path)) {
			return true;
		}
		if (path.contains("%2e") || path.contains("%2f") || path.contains("%5c") || path.contains("\\")
				|| path.contains(";") || path.contains("//")) {
			return true;
		}
		for (String segment : path.split("/", -1)) {
			if (segment.equals(".") || segment.equals("..")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * No id or name contains a control character or invalid UTF-8 ({@code %00},
	 * {@code %FF%FE}), and the services' web servers answer such paths with an HTML error
	 * page of their own.
	 */
	static boolean decodesToPrintableUtf8(String rawPath) {
		if (rawPath.indexOf('%') < 0) {
			return true;
		}
		try {
			String decoded = java.net.URLDecoder.decode(rawPath.replace("+", "%2b"),
					java.nio.charset.StandardCharsets.UTF_8);
			if (decoded.indexOf('\ufffd') >= 0 && rawPath.indexOf("%ef%bf%bd") < 0) {
				return false;
			}
			return decoded.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
		}
		catch (IllegalArgumentException ex) {
			return false; // a '%' not followed by two hex digits
		}
	}

}
