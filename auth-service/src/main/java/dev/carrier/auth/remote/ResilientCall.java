package dev.carrier.auth.remote;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.timelimiter.TimeLimiter;

/**
 * One remote client's Resilience4j instances (configured in application.yml under
 * {@code resilience4j.*.instances.<client>}), stacked in the one order that works: a
 * bulkhead around a retry around a circuit breaker around a time limiter. Each attempt
 * runs on its own virtual thread so the time limiter can interrupt a hung HTTP call; an
 * open circuit is never retried (the retry ignores {@code CallNotPermittedException}), so
 * a dead service costs callers nothing after a few failures; the bulkhead bounds the
 * calls in flight.
 */
public final class ResilientCall {

	private static final ExecutorService ATTEMPTS = Executors.newVirtualThreadPerTaskExecutor();

	private final String name;

	private final Bulkhead bulkhead;

	private final Retry retry;

	private final CircuitBreaker circuitBreaker;

	private final TimeLimiter timeLimiter;

	public ResilientCall(String name, Bulkhead bulkhead, Retry retry, CircuitBreaker circuitBreaker,
			TimeLimiter timeLimiter) {
		this.name = name;
		this.bulkhead = bulkhead;
		this.retry = retry;
		this.circuitBreaker = circuitBreaker;
		this.timeLimiter = timeLimiter;
	}

	/**
	 * Calls the remote service under this client's instances.
	 * @throws RemoteUnavailable when every attempt failed, the circuit is open or the
	 * bulkhead full
	 */
	public <T> T call(Supplier<T> remoteCall) {
		Callable<T> timed = TimeLimiter.decorateFutureSupplier(this.timeLimiter,
				() -> ATTEMPTS.submit(remoteCall::get));
		Callable<T> guarded = Bulkhead.decorateCallable(this.bulkhead,
				Retry.decorateCallable(this.retry, CircuitBreaker.decorateCallable(this.circuitBreaker, timed)));
		try {
			return guarded.call();
		}
		catch (Exception ex) {
			throw new RemoteUnavailable(this.name, ex);
		}
	}

	/** How long one attempt may take; the client's sockets give up after it too. */
	public Duration attemptTimeout() {
		return this.timeLimiter.getTimeLimiterConfig().getTimeoutDuration();
	}

	public CircuitBreaker circuitBreaker() {
		return this.circuitBreaker;
	}

	public Retry retry() {
		return this.retry;
	}

	public Bulkhead bulkhead() {
		return this.bulkhead;
	}

}
