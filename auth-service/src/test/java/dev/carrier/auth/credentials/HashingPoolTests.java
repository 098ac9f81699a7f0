package dev.carrier.auth.credentials;

import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class HashingPoolTests {

	@Test
	void aFullPoolRefusesAtOnceInsteadOfQueueingWithoutBound() throws Exception {
		HashingPool pool = new HashingPool(new PasswordProperties(1000, 1, 2, 2, 8));
		CountDownLatch release = new CountDownLatch(1);
		try {
			for (int i = 0; i < 3; i++) {
				pool.submit(() -> awaitQuietly(release));
			}
			assertThatExceptionOfType(HashingBusy.class).isThrownBy(() -> pool.run(Requester.SERVICE, () -> "hash"));
			release.countDown();
			org.awaitility.Awaitility.await()
				.atMost(java.time.Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(pool.run(Requester.SERVICE, () -> "hash")).isEqualTo("hash"));
		}
		finally {
			release.countDown();
			pool.destroy();
		}
	}

	@Test
	void anAccountOrAddressBeyondItsShareIsRefusedAloneWhileOthersStillHash() throws Exception {
		HashingPool pool = new HashingPool(new PasswordProperties(1000, 2, 8, 2, 3));
		CountDownLatch release = new CountDownLatch(1);
		java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();
		try {
			Requester flooder = new Requester("account-a", "198.51.100.1");
			for (int i = 0; i < 2; i++) {
				callers.submit(() -> pool.run(flooder, () -> {
					awaitQuietly(release);
					return "held";
				}));
			}
			org.awaitility.Awaitility.await()
				.atMost(java.time.Duration.ofSeconds(5))
				.untilAsserted(() -> assertThatExceptionOfType(HashingBusy.class)
					.isThrownBy(() -> pool.run(flooder, () -> "hash")));
			// Same address, another account: the address has one more slot, then it is
			// full too.
			callers.submit(() -> pool.run(new Requester("account-c", "198.51.100.1"), () -> {
				awaitQuietly(release);
				return "held";
			}));
			org.awaitility.Awaitility.await()
				.atMost(java.time.Duration.ofSeconds(5))
				.untilAsserted(() -> assertThatExceptionOfType(HashingBusy.class)
					.isThrownBy(() -> pool.run(new Requester("account-d", "198.51.100.1"), () -> "hash")));
			java.util.concurrent.Future<String> other = callers
				.submit(() -> pool.run(new Requester("account-b", "198.51.100.2"), () -> "hash"));
			release.countDown();
			assertThat(other.get(5, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("hash");
			org.awaitility.Awaitility.await()
				.atMost(java.time.Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(pool.run(flooder, () -> "hash")).isEqualTo("hash"));
		}
		finally {
			release.countDown();
			callers.shutdownNow();
			pool.destroy();
		}
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
