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
 * <p>
 * A connection that buffers its writes gets a {@link Flush}: the writer calls it once it
 * has written every frame it found waiting, so the frames of one drain leave together and
 * none is held after the queue ran empty.
 *
 * @param <T> the frame type
 */
final class SerialWriter<T> {

	/** Writes one frame, blocking until the connection took it. */
	@FunctionalInterface
	interface Write<T> {

		void write(T frame) throws IOException;

	}

	/** Sends what the connection buffered, blocking until it took it. */
	@FunctionalInterface
	interface Flush {

		Flush NONE = () -> {
		};

		void flush() throws IOException;

	}

	private final Queue<T> queue = new ConcurrentLinkedQueue<>();

	private final AtomicInteger waiting = new AtomicInteger();

	private final AtomicBoolean draining = new AtomicBoolean();

	private final Executor executor;

	private final Write<T> write;

	private final Flush flush;

	private final Consumer<Exception> failed;

	SerialWriter(Executor executor, Write<T> write, Consumer<Exception> failed) {
		this(executor, write, Flush.NONE, failed);
	}

	SerialWriter(Executor executor, Write<T> write, Flush flush, Consumer<Exception> failed) {
		this.executor = executor;
		this.write = write;
		this.flush = flush;
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
			boolean unflushed = false;
			T frame;
			while ((frame = this.queue.poll()) != null) {
				this.waiting.decrementAndGet();
				unflushed = wrote(frame);
			}
			// still the only writer; what is queued meanwhile waits for the next pass
			if (unflushed) {
				flushed();
			}
			this.draining.set(false);
		}
		while (!this.queue.isEmpty() && this.draining.compareAndSet(false, true));
	}

	private boolean wrote(T frame) {
		try {
			this.write.write(frame);
			return true;
		}
		catch (IOException | RuntimeException ex) {
			broke(ex);
			return false;
		}
	}

	private void flushed() {
		try {
			this.flush.flush();
		}
		catch (IOException | RuntimeException ex) {
			broke(ex);
		}
	}

	private void broke(Exception ex) {
		clear();
		this.failed.accept(ex);
	}

}
