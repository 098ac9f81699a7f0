package dev.carrier.auth.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class ResilientCallTests {

	private static ResilienceProperties.Policy policy(int maxConcurrentCalls) {
		return new ResilienceProperties.Policy(Duration.ofMillis(500), 3, Duration.ofMillis(10), 50f,
				Duration.ofSeconds(10), maxConcurrentCalls);
	}

	@Test
	void aFailedAttemptIsRetriedUntilOneSucceeds() {
		ResilientCall call = new ResilientCall("flaky", policy(4));
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
		ResilientCall call = new ResilientCall("slow", policy(1));
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
