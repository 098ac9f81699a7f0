package dev.carrier.auth.attempts;

import java.time.Duration;

/**
 * An attempt limit is used up: 429, with Retry-After saying when the next attempt is
 * allowed.
 */
public class TooManyAttempts extends RuntimeException {

	private final Duration retryAfter;

	public TooManyAttempts(String message, Duration retryAfter) {
		super(message);
		this.retryAfter = retryAfter;
	}

	/** Whole seconds, rounded up, and at least one. */
	public long retryAfterSeconds() {
		return Math.max(1, (this.retryAfter.toMillis() + 999) / 1000);
	}

}
