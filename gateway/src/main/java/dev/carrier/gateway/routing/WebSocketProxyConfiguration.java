package dev.carrier.gateway.routing;

import dev.carrier.gateway.feeds.ClientSockets;
import java.util.function.Supplier;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;

import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import org.springframework.web.reactive.socket.client.WebSocketClient;
import org.springframework.web.reactive.socket.server.RequestUpgradeStrategy;
import org.springframework.web.reactive.socket.server.upgrade.ReactorNettyRequestUpgradeStrategy;

/**
 * The two ends of the gateway's WebSocket proxy ({@code WebsocketRoutingFilter}): clients
 * are upgraded by the {@link EventLoopUpgradeStrategy}, and chat-service is called by a
 * client that sends no {@code Origin}. Both keep the frame size and ping settings Spring
 * Cloud Gateway configures
 * ({@code spring.cloud.gateway.server.webflux.httpclient.websocket.*}).
 */
@Configuration(proxyBeanMethods = false)
class WebSocketProxyConfiguration {

	private static final String ORIGIN_REMOVER = "carrier.originRemover";

	@Bean
	@Primary
	RequestUpgradeStrategy eventLoopUpgradeStrategy(ReactorNettyRequestUpgradeStrategy gatewayStrategy,
			ClientSockets sockets) {
		return new EventLoopUpgradeStrategy(gatewayStrategy, sockets);
	}

	/**
	 * The {@link WebSocketOriginFilter} has checked the page's origin and removed it; but
	 * Netty's handshaker adds an {@code Origin} of its own (the upstream's address) to
	 * any handshake without one, and chat-service would compare it with the host it
	 * thinks it serves, which is the public one wherever Tomcat honours
	 * {@code X-Forwarded-Host} (by default on Kubernetes), and refuse it as a foreign
	 * page. Without it, chat-service sees a program, whose handshake its origin check
	 * lets through.
	 */
	@Bean
	@Primary
	WebSocketClient upstreamWebSocketClient(HttpClient gatewayHttpClient, HttpClientProperties properties) {
		HttpClient withoutOrigin = gatewayHttpClient
			.doOnRequest((request, connection) -> connection.addHandlerFirst(ORIGIN_REMOVER, new OriginRemover()));
		HttpClientProperties.Websocket websocket = properties.getWebsocket();
		Supplier<WebsocketClientSpec.Builder> spec = () -> {
			WebsocketClientSpec.Builder builder = WebsocketClientSpec.builder().handlePing(websocket.isProxyPing());
			if (websocket.getMaxFramePayloadLength() != null) {
				builder.maxFramePayloadLength(websocket.getMaxFramePayloadLength());
			}
			return builder;
		};
		return new ReactorNettyWebSocketClient(withoutOrigin, spec);
	}

	/**
	 * Removes {@code Origin} from the handshake request on its way out, after Netty has
	 * written it.
	 */
	@ChannelHandler.Sharable
	static final class OriginRemover extends ChannelOutboundHandlerAdapter {

		@Override
		public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
			if (msg instanceof HttpRequest request) {
				request.headers().remove(HttpHeaderNames.ORIGIN);
			}
			ctx.write(msg, promise);
		}

	}

}
