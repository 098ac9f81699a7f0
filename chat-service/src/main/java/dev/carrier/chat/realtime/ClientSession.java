package dev.carrier.chat.realtime;

import java.io.IOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

/**
 * One connected client. Frames go out in the order they were queued, from a virtual thread of
 * the session's own, so a slow or dead client never holds up the fan-out or the other clients;
 * the {@link ConcurrentWebSocketSessionDecorator} bounds send time and buffered bytes, and a
 * client that falls too far behind is closed (it fills the gap after reconnecting).
 */
final class ClientSession {

	private static final Logger log = LoggerFactory.getLogger(ClientSession.class);

	private static final int MAX_QUEUED_FRAMES = 1000;

	private final WebSocketSession session;

	private final Executor executor;

	private final Queue<String> queue = new ConcurrentLinkedQueue<>();

	private final AtomicInteger queued = new AtomicInteger();

	private final AtomicBoolean draining = new AtomicBoolean();

	private volatile String userId;

	ClientSession(WebSocketSession session, int sendTimeLimitMillis, int bufferSizeLimitBytes, Executor executor) {
		this.session = new ConcurrentWebSocketSessionDecorator(session, sendTimeLimitMillis, bufferSizeLimitBytes);
		this.executor = executor;
	}

	String id() {
		return this.session.getId();
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

	void send(String frame) {
		if (this.queued.incrementAndGet() > MAX_QUEUED_FRAMES) {
			close(CloseStatus.SESSION_NOT_RELIABLE);
			return;
		}
		this.queue.add(frame);
		if (this.draining.compareAndSet(false, true)) {
			this.executor.execute(this::drain);
		}
	}

	private void drain() {
		do {
			String frame;
			while ((frame = this.queue.poll()) != null) {
				this.queued.decrementAndGet();
				try {
					this.session.sendMessage(new TextMessage(frame));
				}
				catch (IOException | RuntimeException ex) {
					log.debug("Dropping WebSocket session {}: {}", id(), ex.toString());
					close(CloseStatus.SESSION_NOT_RELIABLE);
					this.queue.clear();
				}
			}
			this.draining.set(false);
		}
		while (!this.queue.isEmpty() && this.draining.compareAndSet(false, true));
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
