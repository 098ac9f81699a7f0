package dev.carrier.gateway.feeds;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketSession;

/**
 * A client socket that takes its frames from a feed: each is written straight to the
 * socket's connection, on that connection's event loop, as a text frame around the text
 * the feed brought (shared by every socket it goes to, never copied or decoded).
 * <p>
 * What chat-service did for each socket it wrote itself, the gateway does here: a hint
 * (typing) is dropped while the connection cannot take more (Netty's write buffer is past
 * its high-water mark), and a client with more than {@value #MAX_BACKLOG_BYTES} bytes
 * waiting for it is closed with 4500 (it reconnects and fills the gap), as chat-service's
 * {@code buffer-size-limit} closes the sockets it writes.
 */
final class ClientChannel {

	static final long MAX_BACKLOG_BYTES = 512 * 1024;

	/**
	 * A client that cannot keep up: 4500, as chat-service closes the sockets it writes
	 * itself (Spring's {@code SESSION_NOT_RELIABLE}).
	 */
	static final CloseStatus NOT_KEEPING_UP = new CloseStatus(4500);

	private final Channel channel;

	private final Runnable closeClient;

	private volatile boolean closed;

	ClientChannel(Channel channel, Runnable closeClient) {
		this.channel = channel;
		this.closeClient = closeClient;
	}

	static ClientChannel of(Channel channel, WebSocketSession session) {
		return new ClientChannel(channel, () -> session.close(NOT_KEEPING_UP).subscribe());
	}

	Channel channel() {
		return this.channel;
	}

	/**
	 * Writes one frame, on the channel's event loop; takes over {@code text} (one
	 * reference), released if the frame is not written.
	 */
	void send(ByteBuf text, boolean hint) {
		Verdict verdict = this.closed ? Verdict.DROP
				: verdict(hint, this.channel.isWritable(), this.channel.bytesBeforeWritable());
		switch (verdict) {
			case SEND -> this.channel.writeAndFlush(new TextWebSocketFrame(text), this.channel.voidPromise());
			case DROP -> text.release();
			case CLOSE -> {
				text.release();
				stop();
				this.closeClient.run();
			}
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

	enum Verdict {

		SEND, DROP, CLOSE

	}

}
