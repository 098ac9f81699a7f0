package dev.carrier.gateway.headers;

import java.net.URI;
import java.util.Locale;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import dev.carrier.gateway.errors.Problems;

/**
 * The web client is served from this origin, so no other origin needs the API: a
 * cross-origin request (including a preflight or a WebSocket handshake from another site)
 * is refused with a 403 problem and never gets CORS headers. Only the host is compared,
 * because a TLS-terminating proxy in front of the gateway changes the scheme and port the
 * gateway sees.
 */
@Component
class CrossOriginFilter implements WebFilter, Ordered {

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 20;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String origin = exchange.getRequest().getHeaders().getOrigin();
		if (origin == null || isSameHost(origin, exchange)) {
			return chain.filter(exchange);
		}
		String detail = CorsUtils.isPreFlightRequest(exchange.getRequest())
				? "Cross-origin requests are not allowed; use the web client served from this origin."
				: "Requests from another origin are not allowed.";
		return Problems.write(exchange, HttpStatus.FORBIDDEN, detail);
	}

	private static boolean isSameHost(String origin, ServerWebExchange exchange) {
		String requestHost = hostOf(exchange.getRequest().getHeaders());
		try {
			String originHost = URI.create(origin).getHost();
			return originHost != null && requestHost != null
					&& originHost.toLowerCase(Locale.ROOT).equals(requestHost.toLowerCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static String hostOf(HttpHeaders headers) {
		var host = headers.getHost();
		return (host != null) ? host.getHostString() : null;
	}

}
