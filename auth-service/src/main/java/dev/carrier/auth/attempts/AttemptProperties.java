package dev.carrier.auth.attempts;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many tries of a guessable secret are allowed. Each limit lets {@code attempts}
 * through at once and then one more every {@code per / attempts}: "5 per 15 minutes" is 5
 * at once, then one every 3 minutes, and a full 15 minutes of quiet restores all 5.
 *
 * @param loginPerName logins (and signups) per login name, normalized as the lookup does:
 * what stops password guessing against one account from many addresses
 * @param passwordChange wrong current passwords given to a password change, per account:
 * what stops a stolen session from guessing the password it would need to take the
 * account over
 */
@ConfigurationProperties("carrier.attempts")
public record AttemptProperties(Limit loginPerName, Limit passwordChange) {

	public record Limit(int attempts, Duration per) {

		public Limit {
			if (attempts < 1 || per == null || per.toMillis() < attempts) {
				throw new IllegalArgumentException("An attempt limit needs attempts >= 1 and a period of at least "
						+ "one millisecond per attempt");
			}
		}

		long millisPerAttempt() {
			return this.per.toMillis() / this.attempts;
		}

	}

}
