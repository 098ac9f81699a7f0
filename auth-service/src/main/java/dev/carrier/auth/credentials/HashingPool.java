package dev.carrier.auth.credentials;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs the deliberately slow password hashes on a few platform threads with a bounded queue. At
 * 600,000 iterations one hash costs a core ~130 ms; unbounded, a login storm would take every
 * core from the rest of the service. A full queue rejects at once, which callers turn into 429.
 */
@Component
public class HashingPool implements DisposableBean {

	private final ThreadPoolExecutor executor;

	public HashingPool(PasswordProperties properties) {
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
	 * Runs the work on the pool and waits for it.
	 * @throws HashingBusy when every thread is busy and the queue is full
	 */
	public <T> T run(Callable<T> work) {
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
