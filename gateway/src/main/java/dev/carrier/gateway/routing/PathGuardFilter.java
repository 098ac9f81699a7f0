package dev.carrier.gateway.routing;

import java.util.Locale;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import dev.carrier.gateway.errors.Problems;

/**
 * Routes match the raw path, and the services normalize it afterwards: {@code /api/chats/../../internal/x}
 * or {@code /api/chats/..;/internal/x} would match {@code /api/chats/**} here and reach
 * {@code /internal/x} there. Such paths (dot segments, encoded slashes, dots or backslashes,
 * path parameters) are answered 404 before any route sees them.
 */
@Component
class PathGuardFilter implements WebFilter, Ordered {

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 30;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String rawPath = exchange.getRequest().getURI().getRawPath();
		if (rawPath != null && isAmbiguous(rawPath)) {
			return Problems.write(exchange, HttpStatus.NOT_FOUND, "Nothing is served at this path.");
		}
		return chain.filter(exchange);
	}

	static boolean isAmbiguous(String rawPath) {
		String path = rawPath.toLowerCase(Locale.ROOT);
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

}
