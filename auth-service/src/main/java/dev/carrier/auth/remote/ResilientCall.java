package dev.carrier.auth.remote;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;

/**
 * A bulkhead around a retry around a circuit breaker around a time limiter, for one remote call
 * family. Each attempt runs on its own virtual thread so the time limiter can interrupt a hung HTTP
 * call; an open circuit is never retried, so a dead service costs callers nothing after a few
 * failures. The bulkhead bounds the calls in flight, so a slow dependency cannot tie up every
 * request thread (virtual threads are cheap, but sockets and the other side's capacity are not).
 */
public final class ResilientCall {

	private static final ExecutorService ATTEMPTS = Executors.newVirtualThreadPerTaskExecutor();

	private final String name;

	private final CircuitBreaker circuitBreaker;

	private final Retry retry;

	private final TimeLimiter timeLimiter;

	private final Bulkhead bulkhead;

	public ResilientCall(String name, ResilienceProperties.Policy policy) {
		this.name = name;
		this.bulkhead = Bulkhead.of(name, BulkheadConfig.custom()
			.maxConcurrentCalls(policy.maxConcurrentCalls())
			.maxWaitDuration(policy.timeout())
			.build());
		this.circuitBreaker = CircuitBreaker.of(name,
				CircuitBreakerConfig.custom()
					.failureRateThreshold(policy.failureRateThreshold())
					.slidingWindowSize(20)
					.minimumNumberOfCalls(5)
					.waitDurationInOpenState(policy.openFor())
					.permittedNumberOfCallsInHalfOpenState(2)
					.build());
		this.retry = Retry.of(name,
				RetryConfig.custom()
					.maxAttempts(Math.max(1, policy.maxAttempts()))
					.intervalFunction(IntervalFunction.ofExponentialBackoff(policy.backoff(), 2.0))
					.retryOnException((ex) -> !(ex instanceof CallNotPermittedException))
					.build());
		this.timeLimiter = TimeLimiter.of(name,
				TimeLimiterConfig.custom().timeoutDuration(policy.timeout()).cancelRunningFuture(true).build());
	}

	/**
	 * Calls the remote service under this policy.
	 * @throws RemoteUnavailable when every attempt failed or the circuit is open
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

	public CircuitBreaker circuitBreaker() {
		return this.circuitBreaker;
	}

}
