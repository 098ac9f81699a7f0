package dev.carrier.chat.realtime;

import java.util.List;

import dev.carrier.chat.CarrierProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;

/**
 * {@code /api/ws}. Browsers come through the gateway, which refuses a page from another
 * site and forwards an accepted handshake without its {@code Origin} (only the gateway
 * knows the public address the page was loaded from); so a handshake without
 * {@code Origin} passes, as any program's does. A page's handshake that reaches
 * chat-service directly is a second line: it passes only from chat-service's own origin
 * or one of {@code CARRIER_ALLOWED_ORIGINS}. {@code /internal/feed} is the gateways'
 * feeds ({@link GatewayFeeds}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class WebSocketConfiguration implements WebSocketConfigurer {

	/**
	 * A send of 4,000 plain characters fits one part; a longer frame comes in several.
	 */
	static final int TEXT_PART_CHARS = 8 * 1024;

	static final int BINARY_PART_BYTES = 1024;

	private final RealtimeHandler handler;

	private final CarrierProperties properties;

	private final GatewayFeeds feeds;

	WebSocketConfiguration(RealtimeHandler handler, CarrierProperties properties, GatewayFeeds feeds) {
		this.handler = handler;
		this.feeds = feeds;
		this.properties = properties;
	}

	@Override
	public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
		registry.addHandler(this.handler, "/api/ws")
			.setHandshakeHandler(new BearerProtocolHandshakeHandler())
			.setAllowedOrigins(this.properties.realtime().allowedOrigins().toArray(String[]::new));
		// Only a gateway with its service credential gets past CallerTrustFilter to here,
		// and no page can send that header; the Origin its client adds says nothing.
		registry.addHandler(this.feeds, "/internal/feed").setAllowedOriginPatterns("*");
	}

	/**
	 * Tomcat allocates both of a socket's message buffers when the socket opens, at these
	 * sizes (the text one in chars, two bytes each). Sized for the largest message, 64K
	 * chars, they held 192 KB per socket: 147 MB of live heap for about 500 sockets on
	 * one instance, which young collections took 40-177 ms to promote. The handler takes
	 * messages in parts instead ({@link RealtimeHandler#supportsPartialMessages()}) and
	 * enforces the largest size itself ({@link MessageParts}), so the text buffer only
	 * needs to hold a usual frame whole, and binary messages, which the protocol has none
	 * of, are refused at their first part.
	 */
	@Bean
	ServletServerContainerFactoryBean webSocketContainer() {
		ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
		container.setMaxTextMessageBufferSize(TEXT_PART_CHARS);
		container.setMaxBinaryMessageBufferSize(BINARY_PART_BYTES);
		return container;
	}

	/**
	 * Accepts (and so echoes) a {@code bearer.<token>} subprotocol, as browsers cannot
	 * set an Authorization header on a WebSocket.
	 */
	static class BearerProtocolHandshakeHandler extends DefaultHandshakeHandler {

		@Override
		protected String selectProtocol(List<String> requestedProtocols, WebSocketHandler webSocketHandler) {
			for (String protocol : requestedProtocols) {
				if (protocol.startsWith(RealtimeHandler.BEARER_PROTOCOL_PREFIX)) {
					return protocol;
				}
			}
			return null;
		}

	}

}
