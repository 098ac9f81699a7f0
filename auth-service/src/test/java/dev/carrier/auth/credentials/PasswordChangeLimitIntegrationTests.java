package dev.carrier.auth.credentials;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import dev.carrier.auth.support.Api.Response;
import dev.carrier.auth.support.Api.Session;
import dev.carrier.auth.support.AuthIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Wrong current passwords are limited per account (5 per 15 minutes by default; 5 per 5
 * seconds here, so the window can pass within the test).
 */
@TestPropertySource(properties = "carrier.attempts.password-change.per=5s")
class PasswordChangeLimitIntegrationTests extends AuthIntegrationTest {

	@Test
	void wrongCurrentPasswordsRunOutThenARightChangeWorksAfterTheWindow() {
		Session session = this.api.newSession(PASSWORD);
		for (int i = 0; i < 5; i++) {
			assertThat(change(session, "wrong-" + i, "new password 1").status()).isEqualTo(403);
		}
		Response refused = change(session, "wrong-again", "new password 1");
		assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 5L);
		// While the limit holds, even the right password is not checked: a guesser learns
		// nothing.
		assertThat(change(session, PASSWORD, "new password 1").status()).isEqualTo(429);

		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> change(session, PASSWORD, "new password 1").status() == 204);
		assertThat(this.api.login(session.username(), "new password 1").userId()).isEqualTo(session.userId());
	}

	@Test
	void rightPasswordsDoNotCountAgainstTheLimit() {
		Session session = this.api.newSession(PASSWORD);
		String current = PASSWORD;
		for (int i = 0; i < 7; i++) {
			String next = "new password " + i;
			assertThat(change(session, current, next).status()).isEqualTo(204);
			current = next;
		}
	}

	private Response change(Session session, String current, String next) {
		return this.api.call("PUT", "/api/users/me/password")
			.as(session)
			.json("{\"currentPassword\":\"%s\",\"newPassword\":\"%s\"}".formatted(current, next))
			.send();
	}

}
