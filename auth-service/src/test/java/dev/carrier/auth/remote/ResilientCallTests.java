package dev.carrier.auth.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import org.junit.jupiter.api.Test;

class ResilientCallTests {

	/**
	 * Three attempts of at most 500 ms, 10 ms apart, and a bulkhead a caller waits 500 ms
	 * for.
	 */
	static ResilientCall resilientCall(String name, int maxConcurrentCalls) {
		Duration timeout = Duration.ofMillis(500);
		return new ResilientCall(name, Bulkhead.of(name,
				BulkheadConfig.custom().maxConcurrentCalls(maxConcurrentCalls).maxWaitDuration(timeout).build()),
				Retry.of(name,
						RetryConfig.custom()
							.maxAttempts(3)
							.intervalFunction(IntervalFunction.ofExponentialBackoff(Duration.ofMillis(10), 2.0))
							.ignoreExceptions(CallNotPermittedException.class)
							.build()),
				CircuitBreaker.ofDefaults(name),
				TimeLimiter.of(name, TimeLimiterConfig.custom().timeoutDuration(timeout).build()));
	}

	@Test
	void aFailedAttemptIsRetriedUntilOneSucceeds() {
		ResilientCall call = resilientCall("flaky", 4);
		AtomicInteger attempts = new AtomicInteger();

		String answer = call.call(() -> {
			if (attempts.incrementAndGet() < 3) {
				throw new IllegalStateException("connection refused");
			}
			return "ok";
		});

		assertThat(answer).isEqualTo("ok");
		assertThat(attempts).hasValue(3);
	}

	@Test
	void callsBeyondTheBulkheadFailFastWithoutReachingTheRemoteService() throws Exception {
		ResilientCall call = resilientCall("slow", 1);
		CountDownLatch inside = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> call.call(() -> {
			inside.countDown();
			awaitQuietly(release);
			return "first";
		}));
		assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
		AtomicInteger secondReachedRemote = new AtomicInteger();

		assertThatThrownBy(() -> call.call(secondReachedRemote::incrementAndGet)).isInstanceOf(RemoteUnavailable.class);

		assertThat(secondReachedRemote).hasValue(0);
		release.countDown();
		assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("first");
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
