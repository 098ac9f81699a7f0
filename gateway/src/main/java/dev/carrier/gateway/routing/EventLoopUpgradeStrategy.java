package dev.carrier.gateway.routing;

import dev.carrier.gateway.feeds.ClientSockets;
import java.time.Duration;
import java.util.function.Supplier;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;

import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.reactive.socket.HandshakeInfo;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.server.RequestUpgradeStrategy;
import org.springframework.web.server.ServerWebExchange;

/**
 * Completes a client's WebSocket handshake on its connection's own Netty event loop, so
 * that no frame the client sends right after the handshake is lost.
 * <p>
 * The cause of the lost first frame (issue 15: 1–3 % of sockets that authenticate with a
 * first frame never got {@code ready} through the gateway, and none directly): the
 * {@code chat-ws} route's filters end on another thread (the rate limiter's Redis reply
 * arrives on a Lettuce thread), so Spring Cloud Gateway's {@code WebsocketRoutingFilter}
 * calls {@code ReactorNettyRequestUpgradeStrategy.upgrade}, and Reactor Netty 1.3.6 runs
 * {@code WebsocketServerOperations.initHandshaker} (lines 152–162), off the event loop.
 * There Netty's {@code WebSocketServerHandshaker.handshake} queues the 101 response, and
 * only then does Reactor Netty add the listener that rebinds the channel to the WebSocket
 * operations ({@code replaced.rebind(this)}). When the 101 is written before that
 * listener is added, Netty runs the listener later as an event-loop task, and a frame the
 * client sends on receiving the 101 can be read first: {@code ChannelOperationsHandler}
 * gives it to the still-bound HTTP operations, whose inbound completed with the GET's
 * empty last content, and {@code FluxReceive.onInboundNext} (line 363) drops it
 * ("dropping frame", terminated=true). The proxy's late upstream connection is not the
 * problem: once the WebSocket operations are bound, frames wait in their inbound queue
 * until the proxy subscribes.
 * <p>
 * On the event loop the write, its completion and the rebind all happen before the next
 * read.
 * <p>
 * The connection also gets a {@link LingeringClose}, so a client learns the code its
 * socket was closed with even while it is still sending, and the proxy's handler takes
 * the socket's frames from chat-service's feed ({@link ClientSockets}).
 */
final class EventLoopUpgradeStrategy implements RequestUpgradeStrategy {

	/**
	 * How long a closed socket's client has to answer the close before its connection is
	 * dropped.
	 */
	static final Duration CLOSE_LINGER = Duration.ofSeconds(2);

	private final RequestUpgradeStrategy delegate;

	private final ClientSockets sockets;

	EventLoopUpgradeStrategy(RequestUpgradeStrategy delegate, ClientSockets sockets) {
		this.delegate = delegate;
		this.sockets = sockets;
	}

	@Override
	public Mono<Void> upgrade(ServerWebExchange exchange, WebSocketHandler handler, @Nullable String subProtocol,
			Supplier<HandshakeInfo> handshakeInfoFactory) {
		Channel channel = channelOf(exchange);
		Mono<Void> upgrade = Mono.defer(() -> {
			if (channel != null) {
				LingeringClose.addTo(channel, CLOSE_LINGER);
			}
			return this.delegate.upgrade(exchange, this.sockets.handlerFor(exchange, channel, handler), subProtocol,
					handshakeInfoFactory);
		});
		EventLoop eventLoop = (channel != null) ? channel.eventLoop() : null;
		if (eventLoop == null || eventLoop.inEventLoop()) {
			return upgrade;
		}
		return upgrade.subscribeOn(Schedulers.fromExecutor(eventLoop));
	}

	static @Nullable Channel channelOf(ServerWebExchange exchange) {
		Object nativeRequest = ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest());
		return (nativeRequest instanceof Connection connection) ? connection.channel() : null;
	}

}
