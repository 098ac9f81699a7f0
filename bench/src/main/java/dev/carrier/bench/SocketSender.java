package dev.carrier.bench;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The socket one bench user sends on, shared by all of that user's senders, as the web
 * app shares its one socket: opened by the first send, and opened anew by the first send
 * after it closed or failed (the sends that were waiting on it have failed by then), so a
 * lost socket costs the sends in flight, not the rest of the run.
 */
final class SocketSender {

	/** As long as a POST of the bench may take (its request timeout). */
	static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

	/** Opens a socket ready to send on: through the gateway with the user's token. */
	@FunctionalInterface
	interface Opener {

		SendSocket open() throws Exception;

	}

	private final Opener opener;

	/**
	 * Shared by every user's sockets: the gateway's bulkhead refuses too many at once.
	 */
	private final Semaphore connecting;

	private final AtomicInteger opened;

	private final ReentrantLock opening = new ReentrantLock();

	private volatile SendSocket current;

	private boolean closed;

	SocketSender(Opener opener, Semaphore connecting, AtomicInteger opened) {
		this.opener = opener;
		this.connecting = connecting;
		this.opened = opened;
	}

	/**
	 * Sends the frame and waits for its answer; a socket that cannot be opened is a -1.
	 */
	Api.Reply send(String frame, String clientMessageId) {
		SendSocket socket;
		try {
			socket = usableSocket();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (Exception ex) {
			return Api.Reply.transportFailure("could not open a socket to send on: " + WebSockets.describe(ex));
		}
		return socket.send(frame, clientMessageId, ANSWER_TIMEOUT);
	}

	private SendSocket usableSocket() throws Exception {
		SendSocket socket = current;
		if (socket != null && socket.isUsable()) {
			return socket;
		}
		opening.lock();
		try {
			if (closed) {
				throw new IllegalStateException("the bench has closed its sending sockets");
			}
			// another sender of this user may have opened one meanwhile
			if (current == null || !current.isUsable()) {
				connecting.acquire();
				try {
					current = opener.open();
				}
				finally {
					connecting.release();
				}
				opened.incrementAndGet();
			}
			return current;
		}
		finally {
			opening.unlock();
		}
	}

	void close() {
		opening.lock();
		try {
			closed = true;
			if (current != null) {
				current.close();
			}
		}
		finally {
			opening.unlock();
		}
	}

}
