package dev.carrier.auth.credentials;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Password hashing cost and the pool that pays it.
 *
 * @param pbkdf2Iterations PBKDF2 iterations for new hashes (OWASP: 600,000 for
 * HMAC-SHA256); lower only in tests
 * @param poolThreads hashing threads; 0 means one per core
 * @param queueCapacity hashes that may wait for a thread before callers get 429
 * @param perAccountInFlight hashes one account (or login name) may have running or
 * waiting
 * @param perAddressInFlight hashes one client address may have running or waiting;
 * larger, since many people may share an address (an office, a carrier's NAT)
 */
@ConfigurationProperties("carrier.password")
public record PasswordProperties(@DefaultValue("600000") int pbkdf2Iterations, @DefaultValue("0") int poolThreads,
		@DefaultValue("32") int queueCapacity, @DefaultValue("2") int perAccountInFlight,
		@DefaultValue("8") int perAddressInFlight) {

	public PasswordProperties {
		if (pbkdf2Iterations < 1) {
			throw new IllegalArgumentException("carrier.password.pbkdf2-iterations must be positive");
		}
		if (queueCapacity < 1) {
			throw new IllegalArgumentException("carrier.password.queue-capacity must be positive");
		}
		if (perAccountInFlight < 1 || perAddressInFlight < 1) {
			throw new IllegalArgumentException("carrier.password.per-*-in-flight must be positive");
		}
	}

	int effectivePoolThreads() {
		return (this.poolThreads > 0) ? this.poolThreads : Runtime.getRuntime().availableProcessors();
	}

}
