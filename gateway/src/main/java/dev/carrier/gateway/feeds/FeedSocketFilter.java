package dev.carrier.gateway.feeds;

import dev.carrier.gateway.trust.Assertions;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.WebsocketRoutingFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Numbers each client socket proxied to chat-service and names it to the instance
 * ({@code X-Carrier-Socket: <feed id>/<number>}, with the gateway's service credential,
 * so that no one else can have an instance send a socket's frames to this gateway), just
 * before {@link WebsocketRoutingFilter} proxies it. The number stays on the exchange for
 * the upgrade ({@link ClientSockets#handlerFor}), which registers the socket to take its
 * frames from the feed.
 */
@Component
class FeedSocketFilter implements GlobalFilter, Ordered {

	static final String SOCKET_HEADER = "X-Carrier-Socket";

	private static final String CHAT_SERVICE = "chat-service";

	private final ClientSockets sockets;

	private final Assertions assertions;

	private final FeedProperties properties;

	FeedSocketFilter(ClientSockets sockets, Assertions assertions, FeedProperties properties) {
		this.sockets = sockets;
		this.assertions = assertions;
		this.properties = properties;
	}

	@Override
	public int getOrder() {
		// WebsocketRoutingFilter's is LOWEST_PRECEDENCE - 1; TokenCheckFilter, which
		// strips
		// any X-Carrier-* header the client sent, runs long before
		return Ordered.LOWEST_PRECEDENCE - 2;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		if (!this.properties.enabled() || !isChatSocket(exchange)) {
			return chain.filter(exchange);
		}
		long number = this.sockets.reserve();
		exchange.getAttributes().put(ClientSockets.NUMBER_ATTRIBUTE, number);
		return chain.filter(exchange.mutate().request((request) -> request.headers((headers) -> {
			headers.set(SOCKET_HEADER, this.sockets.feedId() + "/" + number);
			headers.set(Assertions.SERVICE_HEADER, this.assertions.serviceCredential());
		})).build());
	}

	private static boolean isChatSocket(ServerWebExchange exchange) {
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		return route != null && CHAT_SERVICE.equals(route.getMetadata().get("service"))
				&& "websocket".equalsIgnoreCase(exchange.getRequest().getHeaders().getUpgrade());
	}

}
