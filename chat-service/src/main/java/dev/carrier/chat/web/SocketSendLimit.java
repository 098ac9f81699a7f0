package dev.carrier.chat.web;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import org.springframework.stereotype.Component;

/**
 * The per-user request limit of the API, for sends over a socket: a token bucket per user
 * in this instance's memory (Bucket4j), of the same rate and burst as the gateway's
 * bucket for the POST. Each instance counts for itself, as each gateway replica does: the
 * limit guards the services against one runaway client.
 */
@Component
class SocketSendLimit {

	/** Users whose buckets are kept at once; a forgotten bucket starts full again. */
	private static final int MAX_USERS = 100_000;

	private final Bandwidth bandwidth;

	private final Cache<String, Bucket> buckets;

	SocketSendLimit(RequestLimitProperties limits) {
		// as at the gateway, a burst below the rate is raised to it
		int burst = Math.max(limits.sendBurst(), limits.sendsPerSecond());
		this.bandwidth = Bandwidth.builder()
			.capacity(burst)
			.refillGreedy(limits.sendsPerSecond(), Duration.ofSeconds(1))
			.build();
		long refillMillis = 1000L * burst / Math.max(1, limits.sendsPerSecond());
		// a bucket left alone until it would be full again is the same as a new one
		this.buckets = Caffeine.newBuilder()
			.maximumSize(MAX_USERS)
			.expireAfterAccess(Duration.ofMillis(refillMillis + 1000))
			.build();
	}

	/**
	 * Takes one send from the user's bucket.
	 * @return 0 when the send may go, otherwise the seconds until it could (at least 1)
	 */
	long secondsUntilAllowed(String userId) {
		Bucket bucket = this.buckets.get(userId, (key) -> Bucket.builder().addLimit(this.bandwidth).build());
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		if (probe.isConsumed()) {
			return 0;
		}
		return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999));
	}

}
