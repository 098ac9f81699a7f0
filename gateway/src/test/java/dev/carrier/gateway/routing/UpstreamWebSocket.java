package dev.carrier.gateway.routing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.WebsocketServerSpec;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;

/**
 * A chat-service instance reduced to its WebSocket: answers the first frame it receives
 * (as chat-service answers {@code {"type":"auth"}} with {@code ready}), so a frame the
 * proxy loses shows up as a socket that never hears back. It accepts a {@code bearer.*}
 * subprotocol like chat-service, closes with 4401 when told to, and remembers each
 * handshake's headers and each socket's close status so a test can see what the gateway
 * passed on. Like chat-service, it takes the gateway's feed ({@code /internal/feed}),
 * over which it sends what a test tells it to.
 */
final class UpstreamWebSocket implements AutoCloseable {

	/**
	 * A first frame with this text makes the upstream close the socket as chat-service
	 * refuses a token.
	 */
	static final String REFUSE = "refuse";

	/**
	 * A first frame with this text makes the upstream close the socket with 1008 once it
	 * has read {@link #FLOOD_BUDGET} frames, as chat-service closes a socket that sends
	 * more frames than its budget.
	 */
	static final String FLOOD = "flood";

	static final int FLOOD_BUDGET = 50;

	private final DisposableServer server;

	/** The headers of each handshake that reached this upstream, in order. */
	final BlockingQueue<HttpHeaders> handshakes = new LinkedBlockingQueue<>();

	/** How each socket was closed by the client side, as {@code code reason}. */
	final BlockingQueue<String> closedByClient = new LinkedBlockingQueue<>();

	/** The headers of each feed the gateway opened, in order. */
	final BlockingQueue<HttpHeaders> feeds = new LinkedBlockingQueue<>();

	/** The open feed's outbound frames, if one is open. */
	private volatile Sinks.Many<WebSocketFrame> feed;

	private UpstreamWebSocket() {
		// Like chat-service's Tomcat, it waits for the close handshake before it drops
		// the
		// connection.
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.doOnConnection(connection -> LingeringClose.addTo(connection.channel(), Duration.ofSeconds(2)))
			.handle(this::handle)
			.bindNow();
	}

	static UpstreamWebSocket start() {
		return new UpstreamWebSocket();
	}

	String url() {
		return "http://127.0.0.1:" + this.server.port();
	}

	@Override
	public void close() {
		this.server.disposeNow(Duration.ofSeconds(2));
	}

	private Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
		if (request.fullPath().equals("/actuator/health/readiness")) {
			return response.header("Content-Type", "application/json")
				.sendString(Mono.just("{\"status\":\"UP\"}"))
				.then();
		}
		if (request.fullPath().equals("/internal/feed")) {
			return openFeed(request, response);
		}
		if (!request.fullPath().equals("/api/ws")) {
			return response.status(404).send();
		}
		this.handshakes.add(request.requestHeaders().copy());
		WebsocketServerSpec.Builder spec = WebsocketServerSpec.builder();
		String bearer = bearerProtocol(request.requestHeaders().get("Sec-WebSocket-Protocol"));
		if (bearer != null) {
			spec.protocols(bearer);
		}
		return response.sendWebsocket(this::answerFirstFrame, spec.build());
	}

	private Mono<Void> answerFirstFrame(WebsocketInbound in, WebsocketOutbound out) {
		in.receiveCloseStatus().subscribe(status -> this.closedByClient.add(status.code() + " " + status.reasonText()));
		// Reads every frame (cancelling the inbound would close the socket) and answers
		// the first.
		boolean[] flooding = new boolean[1];
		return in.receive().asString().index().concatMap(frame -> {
			if (flooding[0] && frame.getT1() == FLOOD_BUDGET) {
				return out.sendClose(1008, "Too many frames");
			}
			if (frame.getT1() > 0) {
				return Mono.<Void>empty();
			}
			if (frame.getT2().equals(FLOOD)) {
				flooding[0] = true;
				return Mono.<Void>empty();
			}
			if (frame.getT2().equals(REFUSE)) {
				return out.sendClose(4401, "Unauthorized");
			}
			String protocol = in.selectedSubprotocol();
			String answer = "echo:" + frame.getT2() + ((protocol != null) ? " protocol:" + protocol : "");
			return out.sendString(Mono.just(answer)).then();
		}).then();
	}

	/**
	 * Like chat-service's {@code GatewayFeeds}: takes a feed, and sends on it what a test
	 * tells it to ({@link #sendOnFeed}).
	 */
	private Mono<Void> openFeed(HttpServerRequest request, HttpServerResponse response) {
		this.feeds.add(request.requestHeaders().copy());
		Sinks.Many<WebSocketFrame> frames = Sinks.many().unicast().onBackpressureBuffer();
		this.feed = frames;
		return response.sendWebsocket((in, out) -> {
			in.receive().subscribe();
			return out.sendObject(frames.asFlux()).then();
		});
	}

	/** Whether a feed is open now. */
	boolean hasFeed() {
		return this.feed != null;
	}

	/**
	 * Sends a feed frame (chat-service's {@code FeedFrame}): {@code text} for the sockets
	 * of these numbers.
	 */
	void sendOnFeed(boolean hint, String text, long... sockets) {
		ByteBuf frame = Unpooled.buffer();
		frame.writeByte(hint ? 1 : 0).writeInt(sockets.length);
		for (long socket : sockets) {
			frame.writeLong(socket);
		}
		frame.writeCharSequence(text, StandardCharsets.UTF_8);
		this.feed.emitNext(new BinaryWebSocketFrame(frame),
				Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
	}

	/** Ends the open feed, as an instance does when it stops. */
	void breakFeed() {
		Sinks.Many<WebSocketFrame> open = this.feed;
		this.feed = null;
		open.tryEmitComplete();
	}

	/** The number the gateway gave the socket of this handshake. */
	static long socketNumber(HttpHeaders handshake) {
		String named = handshake.get("X-Carrier-Socket");
		return Long.parseLong(named.substring(named.indexOf('/') + 1));
	}

	private static String bearerProtocol(String requested) {
		if (requested == null) {
			return null;
		}
		for (String protocol : requested.split(",")) {
			if (protocol.trim().startsWith("bearer.")) {
				return protocol.trim();
			}
		}
		return null;
	}

}
