package dev.carrier.gateway.feeds;

import java.util.concurrent.atomic.AtomicInteger;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;

/**
 * The frames that wait for one client socket after they came in on a feed, in the order
 * they came. What chat-service did for each socket it wrote itself, the gateway does for
 * the sockets whose frames it takes from a feed: a client that falls
 * {@value #MAX_WAITING} frames behind is closed (it reconnects and fills the gap), and a
 * hint (typing) is dropped once {@value #MAX_WAITING_FOR_HINTS} frames wait, so that
 * another member's flood of them cannot push the client over that limit.
 */
final class SocketOutbox {

	static final int MAX_WAITING = 1000;

	static final int MAX_WAITING_FOR_HINTS = 32;

	/**
	 * A client that cannot keep up: 4500, as chat-service closes the sockets it writes
	 * itself (Spring's {@code SESSION_NOT_RELIABLE}); the client reconnects.
	 */
	static final CloseStatus NOT_KEEPING_UP = new CloseStatus(4500);

	private final DataBufferFactory buffers;

	private final Runnable closeClient;

	private final Sinks.Many<byte[]> frames = Sinks.many().unicast().onBackpressureBuffer();

	private final AtomicInteger waiting = new AtomicInteger();

	/**
	 * For a client whose messages {@code buffers} makes, and which {@code closeClient}
	 * closes if it falls behind.
	 */
	SocketOutbox(DataBufferFactory buffers, Runnable closeClient) {
		this.buffers = buffers;
		this.closeClient = closeClient;
	}

	/** The outbox of one client socket, closed with {@link #NOT_KEEPING_UP}. */
	static SocketOutbox of(WebSocketSession session) {
		return new SocketOutbox(session.bufferFactory(), () -> session.close(NOT_KEEPING_UP).subscribe());
	}

	/**
	 * Called by the one feed the socket's upstream instance writes to; synchronized all
	 * the same, as a feed reconnecting may overlap the one it replaces.
	 */
	synchronized void deliver(byte[] frame, boolean hint) {
		if (hint && this.waiting.get() >= MAX_WAITING_FOR_HINTS) {
			return;
		}
		if (this.waiting.incrementAndGet() > MAX_WAITING) {
			this.frames.tryEmitComplete();
			this.closeClient.run();
			return;
		}
		this.frames.tryEmitNext(frame);
	}

	/** The client's frames from the feed, as the socket takes them. */
	Flux<WebSocketMessage> messages() {
		return this.frames.asFlux().map((frame) -> {
			this.waiting.decrementAndGet();
			return new WebSocketMessage(WebSocketMessage.Type.TEXT, this.buffers.wrap(frame));
		});
	}

	/** No more frames: the socket is closing. */
	synchronized void complete() {
		this.frames.tryEmitComplete();
	}

}
