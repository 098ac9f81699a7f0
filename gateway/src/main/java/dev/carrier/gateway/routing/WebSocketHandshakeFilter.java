package dev.carrier.gateway.routing;

import java.util.Base64;
import java.util.List;
import java.util.Locale;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import dev.carrier.gateway.errors.Problems;

/**
 * Refuses a malformed WebSocket upgrade with a problem document before the gateway
 * accepts it. Spring checks little of the handshake and leaves the rest to Netty, which
 * answers an unknown {@code Sec-WebSocket-Version} with its own bare 426 after Spring has
 * already taken the response, and then fails with an internal error. RFC 6455 (4.2.1)
 * says what a valid opening handshake carries; anything else is the client's mistake.
 */
@Component
class WebSocketHandshakeFilter implements WebFilter, Ordered {

	static final String WEBSOCKET_PATH = "/api/ws";

	static final String SUPPORTED_VERSION = "13";

	private static final String SEC_WEBSOCKET_KEY = "Sec-WebSocket-Key";

	private static final String SEC_WEBSOCKET_VERSION = "Sec-WebSocket-Version";

	/** The nonce is 16 random bytes, base64-encoded. */
	private static final int KEY_BYTES = 16;

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 40;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		if (!isWebSocketUpgrade(request)) {
			return chain.filter(exchange);
		}
		HttpHeaders headers = request.getHeaders();
		if (!HttpMethod.GET.equals(request.getMethod())) {
			exchange.getResponse().getHeaders().setAllow(java.util.Set.of(HttpMethod.GET));
			return Problems.write(exchange, HttpStatus.METHOD_NOT_ALLOWED, "A WebSocket handshake is a GET request.");
		}
		if (!SUPPORTED_VERSION.equals(trimmed(headers.getFirst(SEC_WEBSOCKET_VERSION)))) {
			exchange.getResponse().getHeaders().set(SEC_WEBSOCKET_VERSION, SUPPORTED_VERSION);
			return Problems.write(exchange, HttpStatus.UPGRADE_REQUIRED,
					"Only WebSocket version " + SUPPORTED_VERSION + " is supported.");
		}
		if (!isValidKey(headers.getFirst(SEC_WEBSOCKET_KEY)) || !hasUpgradeToken(headers.get(HttpHeaders.CONNECTION))) {
			return Problems.write(exchange, HttpStatus.BAD_REQUEST,
					"A WebSocket handshake needs Connection: Upgrade and a Sec-WebSocket-Key of 16 base64-encoded bytes.");
		}
		return chain.filter(exchange);
	}

	static boolean isWebSocketUpgrade(ServerHttpRequest request) {
		String upgrade = request.getHeaders().getUpgrade();
		return upgrade != null && upgrade.toLowerCase(Locale.ROOT).contains("websocket")
				&& WEBSOCKET_PATH.equals(request.getPath().pathWithinApplication().value());
	}

	static boolean isValidKey(String key) {
		if (key == null) {
			return false;
		}
		try {
			return Base64.getDecoder().decode(key.trim()).length == KEY_BYTES;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static boolean hasUpgradeToken(List<String> connection) {
		if (connection == null) {
			return false;
		}
		for (String value : connection) {
			for (String token : value.split(",")) {
				if (token.trim().equalsIgnoreCase("upgrade")) {
					return true;
				}
			}
		}
		return false;
	}

	private static String trimmed(String value) {
		return (value != null) ? value.trim() : null;
	}

}
