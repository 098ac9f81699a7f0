package dev.carrier.gateway.feeds;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.buffer.ByteBuf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * The client sockets this gateway proxies to chat-service, by the number it gave each
 * ({@code X-Carrier-Socket}), and the dispatch of every feed frame to them. A feed frame
 * (chat-service's {@code FeedFrame}) is a flags byte, a count, that many socket numbers
 * and the text frame to the end; the text is copied out once and handed to each socket as
 * it is, never decoded.
 */
@Component
public class ClientSockets {

	private static final Logger log = LoggerFactory.getLogger(ClientSockets.class);

	static final int HINT = 1;

	static final String NUMBER_ATTRIBUTE = ClientSockets.class.getName() + ".number";

	/** This gateway's feed id: its sockets' numbers mean something only with it. */
	private final String feedId = UUID.randomUUID().toString();

	private final AtomicLong numbers = new AtomicLong();

	private final Map<Long, SocketOutbox> outboxes = new ConcurrentHashMap<>();

	String feedId() {
		return this.feedId;
	}

	/** A number for a socket about to be proxied. */
	long reserve() {
		return this.numbers.incrementAndGet();
	}

	/**
	 * The proxy's handler for the socket this exchange upgrades: if
	 * {@link FeedSocketFilter} numbered it, one that also gives it that number's frames
	 * from the feed for as long as it is open.
	 */
	public WebSocketHandler handlerFor(ServerWebExchange exchange, WebSocketHandler proxy) {
		Long number = exchange.getAttribute(NUMBER_ATTRIBUTE);
		if (number == null) {
			return proxy;
		}
		return (session) -> {
			SocketOutbox outbox = SocketOutbox.of(session);
			this.outboxes.put(number, outbox);
			return proxy.handle(new FeedSession(session, outbox)).doFinally((signal) -> {
				this.outboxes.remove(number, outbox);
				outbox.complete();
			});
		};
	}

	/** Hands one feed frame to each of its sockets that is still open here. */
	void dispatch(ByteBuf frame) {
		if (frame.readableBytes() < 1 + Integer.BYTES) {
			log.warn("Ignoring a feed frame of {} bytes", frame.readableBytes());
			return;
		}
		boolean hint = (frame.readByte() & HINT) != 0;
		int count = frame.readInt();
		if (count < 0 || frame.readableBytes() < (long) count * Long.BYTES) {
			log.warn("Ignoring a feed frame that names {} sockets in {} bytes", count, frame.readableBytes());
			return;
		}
		int first = frame.readerIndex();
		byte[] text = new byte[frame.readableBytes() - count * Long.BYTES];
		frame.getBytes(first + count * Long.BYTES, text);
		for (int i = 0; i < count; i++) {
			SocketOutbox outbox = this.outboxes.get(frame.getLong(first + i * Long.BYTES));
			if (outbox != null) {
				outbox.deliver(text, hint);
			}
		}
	}

}
