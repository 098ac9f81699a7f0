package dev.carrier.gateway.feeds;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * The client sockets this gateway proxies to chat-service, by the number it gave each
 * ({@code X-Carrier-Socket}), and the dispatch of every feed frame to them. A feed frame
 * (chat-service's {@code FeedFrame}) is a flags byte, a count, that many socket numbers
 * and the text frame to the end, which goes to each socket as it is, never decoded
 * ({@link ClientChannel}).
 */
@Component
public class ClientSockets {

	private static final Logger log = LoggerFactory.getLogger(ClientSockets.class);

	static final int HINT = 1;

	static final String NUMBER_ATTRIBUTE = ClientSockets.class.getName() + ".number";

	/** This gateway's feed id: its sockets' numbers mean something only with it. */
	private final String feedId = UUID.randomUUID().toString();

	private final AtomicLong numbers = new AtomicLong();

	private final Map<Long, ClientChannel> clients = new ConcurrentHashMap<>();

	String feedId() {
		return this.feedId;
	}

	/** A number for a socket about to be proxied. */
	long reserve() {
		return this.numbers.incrementAndGet();
	}

	/**
	 * The proxy's handler for the socket this exchange upgrades on {@code channel}: if
	 * {@link FeedSocketFilter} numbered it, one that also gives it that number's frames
	 * from the feed for as long as it is open.
	 */
	public WebSocketHandler handlerFor(ServerWebExchange exchange, @Nullable Channel channel, WebSocketHandler proxy) {
		Long number = exchange.getAttribute(NUMBER_ATTRIBUTE);
		if (number == null || channel == null) {
			return proxy;
		}
		return (session) -> {
			ClientChannel client = ClientChannel.of(channel, session);
			this.clients.put(number, client);
			return proxy.handle(session).doFinally((signal) -> {
				client.stop();
				this.clients.remove(number, client);
			});
		};
	}

	/**
	 * Hands one feed frame to each of its sockets that is still open here: its text is
	 * encoded once as the text frame they all get ({@link EncodedText}), shared by them,
	 * and each event loop gets one task for all of its sockets, not one per socket.
	 */
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
		int textAt = first + count * Long.BYTES;
		Map<EventLoop, List<ClientChannel>> byLoop = new IdentityHashMap<>(4);
		for (int i = 0; i < count; i++) {
			ClientChannel client = this.clients.get(frame.getLong(first + i * Long.BYTES));
			if (client != null) {
				byLoop.computeIfAbsent(client.channel().eventLoop(), (loop) -> new ArrayList<>()).add(client);
			}
		}
		if (byLoop.isEmpty()) {
			return;
		}
		EncodedText event = EncodedText.of(frame.alloc(), frame.slice(textAt, frame.writerIndex() - textAt));
		try {
			byLoop.forEach((loop, clients) -> {
				ByteBuf shared = event.frame().retain();
				Runnable send = () -> {
					try {
						clients.forEach((client) -> client
							.send(new EncodedText(shared.retainedDuplicate(), event.headerLength()), hint));
					}
					finally {
						shared.release();
					}
				};
				if (loop.inEventLoop()) {
					send.run();
				}
				else {
					loop.execute(send);
				}
			});
		}
		finally {
			event.frame().release();
		}
	}

}
