package dev.carrier.auth.sessions;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import dev.carrier.auth.credentials.PasswordHasher;
import dev.carrier.auth.support.Api;
import dev.carrier.auth.support.Api.Response;
import dev.carrier.auth.support.Api.Session;
import dev.carrier.auth.support.AuthIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * A login for an account that does not exist costs the same password hash as a wrong
 * password for one that does, and answers the same problem: neither its time nor its
 * words tell whether the account exists.
 */
class LoginsRevealNothingIntegrationTests extends AuthIntegrationTest {

	@MockitoSpyBean
	PasswordHasher hasher;

	@Test
	void anUnknownLoginIsHashedAndRefusedExactlyLikeAWrongPassword() {
		Session known = this.api.newSession(PASSWORD);
		clearInvocations(this.hasher);

		Response wrongPassword = this.api.post("/api/auth/login",
				"{\"login\":\"%s\",\"password\":\"not the password\"}".formatted(known.username()));
		verify(this.hasher, times(1)).matches(eq("not the password"), anyString(), any());
		clearInvocations(this.hasher);
		Response unknown = this.api.post("/api/auth/login",
				"{\"login\":\"%s\",\"password\":\"not the password\"}".formatted(Api.uniqueName()));
		verify(this.hasher, times(1)).matches(eq("not the password"), anyString(), any());

		assertThat(unknown.status()).isEqualTo(401).isEqualTo(wrongPassword.status());
		assertThat(unknown.json().get("detail")).isEqualTo(wrongPassword.json().get("detail"));
		assertThat(unknown.json().get("type")).isEqualTo(wrongPassword.json().get("type"));
	}

}
