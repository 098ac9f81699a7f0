package dev.carrier.e2e.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.carrier.e2e.support.CarrierApi;
import dev.carrier.e2e.support.TestUser;

/**
 * The attacks: guess a password under every spelling of a name (so each looks like a
 * fresh name to a limiter that trims differently from the lookup), and guess the current
 * password in a password change. Expected: one bucket per account however the name is
 * written, then 429 with Retry-After; the stack under test allows {@value #ATTEMPTS}
 * tries per bucket (CARRIER_TEST_*_ATTEMPTS). A bucket gives one attempt back every
 * period / attempts (3 s for logins on the test stack), so a slow run is allowed the ones
 * given back while it ran, and no more.
 */
class LoginAbuseEndToEndTests {

	static final int ATTEMPTS = Integer.parseInt(CarrierApi.env("CARRIER_LOGIN_ATTEMPTS_PER_NAME", "40"));

	static final int CHANGES = Integer.parseInt(CarrierApi.env("CARRIER_PASSWORD_CHANGE_ATTEMPTS", "40"));

	static final Duration LOGIN_PERIOD = CarrierApi.envDuration("CARRIER_LOGIN_ATTEMPTS_PERIOD", "2m");

	static final Duration CHANGE_PERIOD = CarrierApi.envDuration("CARRIER_PASSWORD_CHANGE_PERIOD", "15m");

	/** Far more tries than the buckets allow, so a bucket per spelling would show. */
	static final int MORE_THAN_ALLOWED = 20;

	@Test
	void everySpellingOfANameDrawsOnOneBucket() {
		long started = System.nanoTime();
		TestUser victim = TestUser.signUp("guessed");
		String upper = victim.username().toUpperCase();
		List<String> spellings = List.of(victim.username(), "\u3000" + victim.username() + "\u00a0", upper,
				"\u2003" + upper + "\u200b", toFullWidth(victim.username()));

		int refusedWrong = 0;
		String retryAfter = null;
		for (int i = 0; i < ATTEMPTS + MORE_THAN_ALLOWED; i++) {
			var guess = CarrierApi.post("/api/auth/login", null,
					Map.of("login", spellings.get(i % spellings.size()), "password", "guess number " + i));
			if (guess.status() == 429) {
				retryAfter = guess.header("Retry-After");
				break;
			}
			assertThat(guess.status()).as("guess %d under %s", i, spellings.get(i % spellings.size())).isEqualTo(401);
			refusedWrong++;
		}
		assertThat(refusedWrong).as("guesses answered before the limit")
			.isLessThanOrEqualTo(ATTEMPTS + givenBack(LOGIN_PERIOD, ATTEMPTS, started));
		assertThat(retryAfter).as("the refusal's Retry-After").isNotBlank();

		// The bucket gives an attempt back every period / attempts, at any moment, so one
		// can come back between a refusal and the next try. After waiting as long as the
		// refusal says, one more guess spends the attempt that came back, and the right
		// password right after it finds the bucket empty for a whole interval.
		sleep(Duration.ofSeconds(Long.parseLong(retryAfter)));
		var afterTheWait = CarrierApi.post("/api/auth/login", null,
				Map.of("login", upper, "password", "one more guess"));
		assertThat(afterTheWait.status()).as("a guess once Retry-After has passed").isEqualTo(401);
		var rightPassword = CarrierApi.post("/api/auth/login", null,
				Map.of("login", "\u00a0" + victim.username() + " ", "password", TestUser.PASSWORD));
		assertThat(rightPassword.status()).as(rightPassword.toString()).isEqualTo(429);
		assertThat(rightPassword.header("Retry-After")).isNotBlank();
		assertThat(rightPassword.json().path("type").asString()).endsWith("/too-many-attempts");
		// somebody else's name is untouched
		assertThat(TestUser.signUp("bystander").token()).isNotBlank();
	}

	@Test
	void guessingTheCurrentPasswordRunsOutAndKeepsTheSession() {
		TestUser owner = TestUser.signUp("changer");
		long started = System.nanoTime();

		int wrong = 0;
		for (int i = 0; i < CHANGES + MORE_THAN_ALLOWED; i++) {
			var change = CarrierApi.put("/api/users/me/password", owner.token(),
					Map.of("currentPassword", "guess number " + i, "newPassword", "a brand new password"));
			if (change.status() == 429) {
				break;
			}
			assertThat(change.status()).as(change.toString()).isEqualTo(403);
			assertThat(change.json().path("type").asString()).endsWith("/wrong-password");
			wrong++;
		}

		var right = CarrierApi.put("/api/users/me/password", owner.token(),
				Map.of("currentPassword", TestUser.PASSWORD, "newPassword", "a brand new password"));
		assertThat(wrong).isLessThanOrEqualTo(CHANGES + givenBack(CHANGE_PERIOD, CHANGES, started));
		assertThat(right.status()).as("even the right password waits for the window").isEqualTo(429);
		assertThat(right.header("Retry-After")).isNotBlank();
		assertThat(CarrierApi.get("/api/users/me", owner.token()).status()).as("the session lives on").isEqualTo(200);
	}

	/**
	 * The most attempts a bucket can have given back since {@code started}: one per
	 * period / attempts, and one more for the one under way.
	 */
	private static int givenBack(Duration period, int attempts, long started) {
		long elapsedMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
		return Math.toIntExact(elapsedMillis / (period.toMillis() / attempts) + 1);
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** ASCII letters and digits as their full-width forms (NFKC folds them back). */
	private static String toFullWidth(String text) {
		StringBuilder wide = new StringBuilder();
		text.chars().forEach(c -> wide.append((c > 0x20 && c < 0x7f) ? (char) (c - 0x21 + 0xFF01) : (char) c));
		return wide.toString();
	}

}
