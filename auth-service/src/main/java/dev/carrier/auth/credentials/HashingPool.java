package dev.carrier.auth.credentials;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs the deliberately slow password hashes on a few platform threads with a bounded
 * queue. At 600,000 iterations one hash costs a core ~130 ms; unbounded, a login storm
 * would take every core from the rest of the service. A full queue rejects at once, which
 * callers turn into 429.
 * <p>
 * The pool is shared, so it is also shared fairly: each account and each client address
 * may have only a few hashes in flight (running or queued). One account flooding password
 * changes, or one address flooding logins, is refused beyond its share while everyone
 * else's logins still find a slot.
 */
@Component
public class HashingPool implements DisposableBean {

	private static final String BEYOND_SHARE = "Too many password checks at once for this account or address; "
			+ "try again in a moment";

	private final ThreadPoolExecutor executor;

	private final PasswordProperties properties;

	/**
	 * Hashes in flight per "account:..." or "address:..." key; a key at zero is removed.
	 */
	private final ConcurrentHashMap<String, Integer> inFlight = new ConcurrentHashMap<>();

	public HashingPool(PasswordProperties properties) {
		this.properties = properties;
		int threads = properties.effectivePoolThreads();
		AtomicInteger count = new AtomicInteger();
		this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
				new ArrayBlockingQueue<>(properties.queueCapacity()), (runnable) -> {
					Thread thread = new Thread(runnable, "password-hashing-" + count.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				}, new ThreadPoolExecutor.AbortPolicy());
	}

	/**
	 * Runs the work on the pool for {@code requester} and waits for it.
	 * @throws HashingBusy when the requester's account or address already has its share
	 * in flight, or every thread is busy and the queue is full
	 */
	public <T> T run(Requester requester, Callable<T> work) {
		List<String> entered = new ArrayList<>(2);
		try {
			enter("account:", requester.account(), this.properties.perAccountInFlight(), entered);
			enter("address:", requester.address(), this.properties.perAddressInFlight(), entered);
			return run(work);
		}
		finally {
			entered.forEach(this::leave);
		}
	}

	private void enter(String kind, String value, int share, List<String> entered) {
		if (value == null) {
			return;
		}
		String key = kind + value;
		boolean[] admitted = { false };
		this.inFlight.compute(key, (k, count) -> {
			int current = (count != null) ? count : 0;
			if (current >= share) {
				return count;
			}
			admitted[0] = true;
			return current + 1;
		});
		if (!admitted[0]) {
			throw new HashingBusy(BEYOND_SHARE);
		}
		entered.add(key);
	}

	private void leave(String key) {
		this.inFlight.computeIfPresent(key, (k, count) -> (count > 1) ? count - 1 : null);
	}

	/**
	 * Runs the work on the pool and waits for it.
	 * @throws HashingBusy when every thread is busy and the queue is full
	 */
	private <T> T run(Callable<T> work) {
		Future<T> future;
		try {
			future = this.executor.submit(work);
		}
		catch (RejectedExecutionException ex) {
			throw new HashingBusy();
		}
		try {
			return future.get();
		}
		catch (InterruptedException ex) {
			future.cancel(true);
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while hashing", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException("Password hashing failed", ex.getCause());
		}
	}

	/** Submits without waiting; exposed so tests can saturate the pool. */
	public Future<?> submit(Runnable work) {
		try {
			return this.executor.submit(work);
		}
		catch (RejectedExecutionException ex) {
			throw new HashingBusy();
		}
	}

	/** Every thread is hashing and the queue is full: the next hash is refused. */
	public boolean saturated() {
		return this.executor.getActiveCount() >= this.executor.getMaximumPoolSize()
				&& this.executor.getQueue().remainingCapacity() == 0;
	}

	@Override
	public void destroy() {
		this.executor.shutdownNow();
	}

}
