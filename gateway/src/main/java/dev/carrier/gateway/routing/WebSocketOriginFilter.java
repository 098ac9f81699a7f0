package dev.carrier.gateway.routing;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import dev.carrier.gateway.errors.Problems;
import dev.carrier.gateway.ratelimits.RateLimitProperties;

/**
 * The WebSocket's defence against cross-site WebSocket hijacking, at the edge: a browser
 * sends the page's {@code Origin} with every handshake, and only a page served by Carrier
 * itself (the origin the gateway is reached at, from {@code Host}, or behind trusted
 * proxies from {@code X-Forwarded-Proto}/{@code -Host}) or one of
 * {@link WebSocketProperties#allowedOrigins()} may open one. Any other page is answered
 * 403 before the upgrade. A handshake without {@code Origin} comes from a program, not a
 * page, and passes.
 * <p>
 * An accepted handshake goes on without the page's {@code Origin}: chat-service checks
 * origins too, as a second line for whoever reaches it directly, but it sees only its own
 * internal address and cannot know the public one, so it would refuse the app opened at
 * any address not listed; without an {@code Origin} it lets the handshake through as a
 * program's (see {@link WebSocketProxyConfiguration} for the upstream client's part).
 * Runs before {@code CrossOriginFilter}, whose host-only rule is for plain API calls.
 */
@Component
class WebSocketOriginFilter implements WebFilter, Ordered {

	private static final Logger log = LoggerFactory.getLogger(WebSocketOriginFilter.class);

	private final List<String> allowedOrigins;

	private final int trustedProxyHops;

	WebSocketOriginFilter(WebSocketProperties properties, RateLimitProperties proxies) {
		this.allowedOrigins = PageOrigins.normalizeAll(properties.allowedOrigins());
		this.trustedProxyHops = proxies.trustedProxyHops();
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 15;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		if (!WebSocketHandshakeFilter.isWebSocketUpgrade(request)) {
			return chain.filter(exchange);
		}
		List<String> origins = request.getHeaders().get(HttpHeaders.ORIGIN);
		if (origins == null) {
			return chain.filter(exchange);
		}
		String reachedAt = PageOrigins.reachedAt(request, this.trustedProxyHops);
		String origin = (origins.size() == 1) ? PageOrigins.normalize(origins.get(0)) : null;
		if (origin != null && (origin.equals(reachedAt) || this.allowedOrigins.contains(origin))) {
			ServerHttpRequest withoutOrigin = request.mutate()
				.headers(headers -> headers.remove(HttpHeaders.ORIGIN))
				.build();
			return chain.filter(exchange.mutate().request(withoutOrigin).build());
		}
		if (log.isDebugEnabled()) {
			log.debug("WebSocket from a page at {} refused: the gateway is reached at {}", origins, reachedAt);
		}
		return Problems.write(exchange, HttpStatus.FORBIDDEN,
				"A page from another site may not open this WebSocket. If that page is yours, add its origin to "
						+ "CARRIER_ALLOWED_ORIGINS.");
	}

}
