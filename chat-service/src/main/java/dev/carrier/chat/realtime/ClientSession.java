package dev.carrier.chat.realtime;

import java.io.IOException;
import java.util.concurrent.Executor;

import dev.carrier.chat.CarrierProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

/**
 * One connected client. Frames go out in the order they were queued, from a virtual
 * thread of the session's own ({@link SerialWriter}), so a slow or dead client never
 * holds up the fan-out or the other clients; the
 * {@link ConcurrentWebSocketSessionDecorator} bounds send time and buffered bytes, and a
 * client that falls too far behind is closed (it fills the gap after reconnecting). Hints
 * (typing) are never a reason to close: they are dropped once a few frames wait, so
 * another member's flood of them cannot push this client over its limits. What the client
 * itself may send is bounded here too ({@link FrameBudget}, {@link TypingThrottle}).
 * <p>
 * A socket that came through a gateway with a feed here ({@link GatewayFeeds}) sends its
 * frames over that feed instead, every one of them, so that they keep their order; the
 * gateway then bounds what waits for the client and drops its hints.
 */
final class ClientSession {

	private static final Logger log = LoggerFactory.getLogger(ClientSession.class);

	private static final int MAX_QUEUED_FRAMES = 1000;

	/**
	 * Past this many waiting frames a hint is stale before it could be sent, so it is
	 * dropped.
	 */
	static final int MAX_QUEUED_FOR_HINTS = 32;

	private final WebSocketSession session;

	private final SerialWriter<TextMessage> out;

	private final FrameBudget inbound;

	private final TypingThrottle typing;

	private final MessageParts parts;

	private final GatewayFeeds.@Nullable FeedSocket via;

	private volatile String userId;

	ClientSession(WebSocketSession session, CarrierProperties.Realtime settings, Executor executor) {
		this(session, settings, executor, null);
	}

	ClientSession(WebSocketSession session, CarrierProperties.Realtime settings, Executor executor,
			GatewayFeeds.@Nullable FeedSocket via) {
		this.via = via;
		this.session = new ConcurrentWebSocketSessionDecorator(session, (int) settings.sendTimeLimit().toMillis(),
				(int) settings.bufferSizeLimit().toBytes());
		this.out = new SerialWriter<>(executor, this.session::sendMessage, (ex) -> {
			log.debug("Dropping WebSocket session {}: {}", id(), ex.toString());
			close(CloseStatus.SESSION_NOT_RELIABLE);
		});
		this.inbound = new FrameBudget(settings.framesPerSecond(), settings.frameBurst(), System::nanoTime);
		this.typing = new TypingThrottle(settings.typingInterval().toNanos(), System::nanoTime);
		this.parts = new MessageParts((int) settings.maxFrameSize().toBytes());
	}

	String id() {
		return this.session.getId();
	}

	/** The gateway feed this socket's frames take, or null for its own connection. */
	GatewayFeeds.@Nullable FeedSocket via() {
		return this.via;
	}

	String userId() {
		return this.userId;
	}

	void authenticated(String userId) {
		this.userId = userId;
	}

	boolean isOpen() {
		return this.session.isOpen();
	}

	/**
	 * A part of a message the client sent, in the order they arrived (a socket's parts
	 * never arrive at once).
	 */
	MessageParts.Added receive(String part, boolean last) {
		return this.parts.add(part, last);
	}

	/** Counts a frame the client sent; false once it sent more than its budget. */
	boolean admitFrame() {
		return this.inbound.spend();
	}

	/** Whether the client's typing notice for this chat may be relayed now. */
	boolean mayRelayTyping(String chatId) {
		return this.typing.mayRelay(chatId);
	}

	/**
	 * An event the client must not miss: if it cannot keep up, it is closed and catches
	 * up.
	 */
	void send(String frame) {
		send(new TextMessage(frame));
	}

	/**
	 * The same, for a frame that goes to many clients: one {@link TextMessage} made from
	 * its bytes ({@link #shared}) for all of them.
	 */
	void send(TextMessage frame) {
		send(frame, false);
	}

	/**
	 * The answer to a frame the client sent, from the thread that handled that frame and
	 * may wait for the connection: as {@link #send(String)}, but written by the caller
	 * when no writer runs ({@link SerialWriter#addAndWrite}).
	 */
	void answer(String frame) {
		send(new TextMessage(frame), true);
	}

	private void send(TextMessage frame, boolean callerWrites) {
		if (this.via != null) {
			this.via.feed().deliver(this.via.number(), frame.asBytes(), callerWrites);
			return;
		}
		boolean queued = callerWrites ? this.out.addAndWrite(frame, MAX_QUEUED_FRAMES)
				: this.out.add(frame, MAX_QUEUED_FRAMES);
		if (!queued) {
			close(CloseStatus.SESSION_NOT_RELIABLE);
			this.out.clear();
		}
	}

	/** A hint (typing): queued only while the client keeps up, otherwise dropped. */
	void offer(String hint) {
		offer(new TextMessage(hint));
	}

	/** The same, for a hint that goes to many clients. */
	void offer(TextMessage hint) {
		if (this.via != null) {
			this.via.feed().deliver(new long[] { this.via.number() }, 1, hint.asBytes(), true);
			return;
		}
		if (this.out.waiting() < MAX_QUEUED_FOR_HINTS) {
			this.out.add(hint, MAX_QUEUED_FRAMES);
		}
	}

	/**
	 * A frame to send to many clients, from the UTF-8 bytes it arrived as. A
	 * {@link TextMessage} made from bytes keeps them: the decorator asks each message's
	 * length in bytes, and one made from a string encodes it again at every ask, once per
	 * client (the largest allocation of the fan-out in a profile of the open loop at 500
	 * msg/s).
	 */
	static TextMessage shared(byte[] frame) {
		return new TextMessage(frame);
	}

	void close(CloseStatus status) {
		try {
			this.session.close(status);
		}
		catch (IOException | RuntimeException ex) {
			log.debug("Closing WebSocket session {} failed: {}", id(), ex.toString());
		}
	}

}
