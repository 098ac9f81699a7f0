package dev.carrier.auth.sessions;

import org.junit.jupiter.api.Test;

import dev.carrier.auth.support.Api.Response;
import dev.carrier.auth.support.Api.Session;
import dev.carrier.auth.support.AuthIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A login name is normalized once, and the lookup and the per-name limit both use that
 * form: a name padded with Unicode spaces or typed in full-width letters is the same
 * account and draws on the same attempts (10 at once by default, signups included).
 */
class LoginLimitIntegrationTests extends AuthIntegrationTest {

	@Test
	void everySpellingOfANameIsTheSameAccountAndTheSameLimit() {
		Session victim = this.api.newSession(PASSWORD);
		String name = victim.username();
		String fullWidth = name.codePoints()
			.map((c) -> Character.isLetterOrDigit(c) ? c + 0xFEE0 : c)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
		String[] spellings = { "\u00A0" + name + "\u00A0", "\u2000" + name.toUpperCase() + "\u200B",
				"\u3000" + fullWidth + "\u3000", "\uFEFF" + name + "\u202F" };
		for (String spelling : spellings) {
			Response login = login(spelling, PASSWORD);
			assertThat(login.status()).as(login.toString()).isEqualTo(200);
			assertThat(login.json().get("user").get("id").asString()).isEqualTo(victim.userId());
		}
		// 6 of 10 are used (signup, login, four spellings); a guesser padding the name
		// differently
		// each time still runs out after 4 more.
		for (int i = 0; i < 4; i++) {
			assertThat(login(spellings[i] + " ", "guess-" + i).status()).isEqualTo(401);
		}
		Response refused = login("\u2007" + name.toUpperCase() + "\u2060", PASSWORD);
		assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(refused.json().get("type").asString()).endsWith("/too-many-attempts");
		assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 12L);

		Session bystander = this.api.newSession(PASSWORD);
		assertThat(login(bystander.username(), PASSWORD).status()).isEqualTo(200);
	}

	private Response login(String login, String password) {
		return this.api.call("POST", "/api/auth/login")
			.json("{\"login\":\"%s\",\"password\":\"%s\"}".formatted(login, password))
			.send();
	}

}
