package dev.carrier.gateway.feeds;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameEncoder;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketExtensionEncoder;
import io.netty.handler.flush.FlushConsolidationHandler;
import org.jspecify.annotations.Nullable;

import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketSession;

/**
 * A client socket that takes its frames from a feed: each event is written straight to
 * the socket's connection, on that connection's event loop, as the text frame
 * {@link EncodedText} built once for every socket it goes to.
 * <p>
 * The frame is written from the connection's WebSocket frame encoder onwards: the encoder
 * would only copy the same bytes into a new buffer for each socket, and the handlers
 * after it in the pipeline have nothing to do with a frame. The profile of the previous
 * version had 22 % of the gateway's samples in Netty's walk along each socket's pipeline
 * alone ({@code findContextOutbound}, {@code writeAndFlush}), and the encoder's copy came
 * on top. A connection whose frames the encoder must transform (a negotiated extension,
 * such as compression) gets a {@link TextWebSocketFrame} through the whole pipeline
 * instead.
 * <p>
 * Once a close frame is written to the connection (the proxy closing it with the code
 * chat-service gave), nothing more is: RFC 6455 (section 5.5.1) allows no data frame
 * after it, and a browser may report such a connection as failed (1006) rather than
 * closed with its code.
 * <p>
 * What chat-service did for each socket it wrote itself, the gateway does here: a hint
 * (typing) is dropped while the connection cannot take more (Netty's write buffer is past
 * its high-water mark), and a client with more than {@value #MAX_BACKLOG_BYTES} bytes
 * waiting for it is closed with 4500 (it reconnects and fills the gap), as chat-service's
 * {@code buffer-size-limit} closes the sockets it writes.
 * <p>
 * The frames one pass over the feeds writes to a connection leave in one flush, at the
 * end of that pass (Netty's {@link FlushConsolidationHandler}), rather than one system
 * call each: under load a feed read carries several events for the same socket. A close
 * flushes what is still pending first.
 */
final class ClientChannel {

	static final long MAX_BACKLOG_BYTES = 512 * 1024;

	/**
	 * A client that cannot keep up: 4500, as chat-service closes the sockets it writes
	 * itself (Spring's {@code SESSION_NOT_RELIABLE}).
	 */
	static final CloseStatus NOT_KEEPING_UP = new CloseStatus(4500);

	static final String CLOSE_WATCH = "carrier.closeFrameWatch";

	static final String FLUSH_CONSOLIDATION = "carrier.flushConsolidation";

	/**
	 * Flushes held back at most before one goes out at once, Netty's default; a pass over
	 * the feeds ends long before.
	 */
	static final int MAX_HELD_FLUSHES = FlushConsolidationHandler.DEFAULT_EXPLICIT_FLUSH_AFTER_FLUSHES;

	private final Channel channel;

	/** Where a frame built once is written from; null when the encoder must see it. */
	private final @Nullable ChannelHandlerContext afterEncoder;

	private final Runnable closeClient;

	private volatile boolean closed;

	private ClientChannel(Channel channel, Runnable closeClient) {
		this.channel = channel;
		this.closeClient = closeClient;
		ChannelPipeline pipeline = channel.pipeline();
		this.afterEncoder = encoderContext(pipeline);
		if (this.afterEncoder != null) {
			pipeline.addAfter(this.afterEncoder.name(), CLOSE_WATCH, new CloseFrameWatch(this));
		}
		// nearest the socket, so that every frame, fed or proxied, goes through it
		pipeline.addFirst(FLUSH_CONSOLIDATION, new FlushConsolidationHandler(MAX_HELD_FLUSHES, true));
	}

	/**
	 * The client on a connection whose WebSocket handshake is done, closed by
	 * {@code closeClient} when it cannot keep up.
	 */
	static ClientChannel on(Channel channel, Runnable closeClient) {
		return new ClientChannel(channel, closeClient);
	}

	static ClientChannel of(Channel channel, WebSocketSession session) {
		return on(channel, () -> session.close(NOT_KEEPING_UP).subscribe());
	}

	Channel channel() {
		return this.channel;
	}

	/**
	 * Writes one frame, on the channel's event loop; takes over one reference to
	 * {@code event}'s frame, released if the frame is not written.
	 */
	void send(EncodedText event, boolean hint) {
		Verdict verdict = this.closed ? Verdict.DROP
				: verdict(hint, this.channel.isWritable(), this.channel.bytesBeforeWritable());
		switch (verdict) {
			case SEND -> write(event);
			case DROP -> event.frame().release();
			case CLOSE -> {
				event.frame().release();
				stop();
				this.closeClient.run();
			}
		}
	}

	private void write(EncodedText event) {
		ChannelHandlerContext encoder = this.afterEncoder;
		if (encoder != null) {
			encoder.writeAndFlush(event.frame(), encoder.voidPromise());
			return;
		}
		try {
			this.channel.writeAndFlush(new TextWebSocketFrame(event.retainedText()), this.channel.voidPromise());
		}
		finally {
			event.frame().release();
		}
	}

	/** No more frames: the socket is closing. */
	void stop() {
		this.closed = true;
	}

	/**
	 * What becomes of a frame for a connection with {@code backlog} bytes more than its
	 * write buffer's low-water mark waiting.
	 */
	static Verdict verdict(boolean hint, boolean writable, long backlog) {
		if (backlog > MAX_BACKLOG_BYTES) {
			return Verdict.CLOSE;
		}
		return (hint && !writable) ? Verdict.DROP : Verdict.SEND;
	}

	/**
	 * The frame encoder's context, if a frame built once can be written from it: there is
	 * one, and no extension encoder transforms frames before it.
	 */
	private static @Nullable ChannelHandlerContext encoderContext(ChannelPipeline pipeline) {
		if (pipeline.context(WebSocketExtensionEncoder.class) != null) {
			return null;
		}
		return pipeline.context(WebSocketFrameEncoder.class);
	}

	enum Verdict {

		SEND, DROP, CLOSE

	}

	/** Stops the client's feed frames when the proxy writes its close frame. */
	private static final class CloseFrameWatch extends ChannelOutboundHandlerAdapter {

		private final ClientChannel client;

		CloseFrameWatch(ClientChannel client) {
			this.client = client;
		}

		@Override
		public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
			if (msg instanceof CloseWebSocketFrame) {
				this.client.stop();
			}
			ctx.write(msg, promise);
		}

	}

}
