package dev.carrier.auth.credentials;

import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class HashingPoolTests {

	@Test
	void aFullPoolRefusesAtOnceInsteadOfQueueingWithoutBound() throws Exception {
		HashingPool pool = new HashingPool(new PasswordProperties(1000, 1, 2));
		CountDownLatch release = new CountDownLatch(1);
		try {
			for (int i = 0; i < 3; i++) {
				pool.submit(() -> awaitQuietly(release));
			}
			assertThatExceptionOfType(HashingBusy.class).isThrownBy(() -> pool.run(() -> "hash"));
			release.countDown();
			org.awaitility.Awaitility.await()
				.atMost(java.time.Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(pool.run(() -> "hash")).isEqualTo("hash"));
		}
		finally {
			release.countDown();
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
