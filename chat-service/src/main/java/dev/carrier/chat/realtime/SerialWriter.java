package dev.carrier.chat.realtime;

import java.io.IOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Frames written one at a time, in the order they were queued, by a virtual thread that
 * runs only while frames wait: a client socket's ({@link ClientSession}) or a gateway
 * feed's ({@link GatewayFeed}). Whoever queues with {@link #add} never waits for the
 * write, so a slow connection holds up only its own frames. A write that fails drops what
 * waits and tells the owner, which closes the connection.
 *
 * @param <T> the frame type
 */
final class SerialWriter<T> {

	/** Writes one frame, blocking until the connection took it. */
	@FunctionalInterface
	interface Write<T> {

		void write(T frame) throws IOException;

	}

	private final Queue<T> queue = new ConcurrentLinkedQueue<>();

	private final AtomicInteger waiting = new AtomicInteger();

	private final AtomicBoolean draining = new AtomicBoolean();

	private final Executor executor;

	private final Write<T> write;

	private final Consumer<Exception> failed;

	SerialWriter(Executor executor, Write<T> write, Consumer<Exception> failed) {
		this.executor = executor;
		this.write = write;
		this.failed = failed;
	}

	/** How many frames wait to be written. */
	int waiting() {
		return this.waiting.get();
	}

	/**
	 * Queues a frame unless {@code limit} frames already wait; false means the connection
	 * has fallen too far behind (the frame is not queued).
	 */
	boolean add(T frame, int limit) {
		if (!enqueue(frame, limit)) {
			return false;
		}
		if (this.draining.compareAndSet(false, true)) {
			this.executor.execute(this::drain);
		}
		return true;
	}

	/**
	 * The same, for a caller that may wait for this connection: when no writer runs, the
	 * caller writes the frames itself (its own, and any queued meanwhile) instead of
	 * starting a thread to. A send's answer takes this way, from the virtual thread that
	 * ran the send and has nothing left to do: at 500 msg/s a thread start and a wake-up
	 * less per send (README, Performance). The order is the same, since one writer at a
	 * time drains the one queue.
	 */
	boolean addAndWrite(T frame, int limit) {
		if (!enqueue(frame, limit)) {
			return false;
		}
		if (this.draining.compareAndSet(false, true)) {
			drain();
		}
		return true;
	}

	private boolean enqueue(T frame, int limit) {
		if (this.waiting.incrementAndGet() > limit) {
			this.waiting.decrementAndGet();
			return false;
		}
		this.queue.add(frame);
		return true;
	}

	/** Drops every waiting frame (the connection is closing). */
	void clear() {
		while (this.queue.poll() != null) {
			this.waiting.decrementAndGet();
		}
	}

	private void drain() {
		do {
			T frame;
			while ((frame = this.queue.poll()) != null) {
				this.waiting.decrementAndGet();
				try {
					this.write.write(frame);
				}
				catch (IOException | RuntimeException ex) {
					clear();
					this.failed.accept(ex);
				}
			}
			this.draining.set(false);
		}
		while (!this.queue.isEmpty() && this.draining.compareAndSet(false, true));
	}

}
