package dev.carrier.auth.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.carrier.auth.support.Api;
import dev.carrier.auth.support.Api.Response;
import dev.carrier.auth.support.Api.Session;
import dev.carrier.auth.support.AuthIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class AccountFlowIntegrationTests extends AuthIntegrationTest {

	@Test
	void accountLivesThroughSignupLoginRenamePasswordChangeAndLogout() {
		String name = Api.uniqueName();
		Response signup = this.api.post("/api/auth/signup",
				"{\"username\":\"%s\",\"email\":\"%s@Example.com\",\"password\":\"%s\"}".formatted(name, name,
						PASSWORD));
		assertThat(signup.status()).isEqualTo(201);
		JsonNode created = signup.json().get("user");
		String id = created.get("id").asString();
		assertThat(created.get("username").asString()).isEqualTo(name);
		assertThat(created.get("email").asString()).isEqualTo(name + "@Example.com");
		assertThat(created.get("avatarUrl").isNull()).isTrue();
		assertThat(created.get("createdAt").asString()).isNotBlank();
		assertThat(signup.text()).doesNotContain("password");

		// login by email, in another case
		Response login = this.api.post("/api/auth/login",
				"{\"login\":\"%s@EXAMPLE.com\",\"password\":\"%s\"}".formatted(name.toUpperCase(), PASSWORD));
		assertThat(login.status()).isEqualTo(200);
		assertThat(login.json().get("token").asString()).hasSizeGreaterThanOrEqualTo(43);
		assertThat(login.json().get("expiresAt").asString()).isNotBlank();
		Session first = new Session(id, name, null, login.json().get("token").asString());
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(10))
			.until(() -> stub.received("POST /internal/users/" + id + "/logged-in"));

		Response me = this.api.call("GET", "/api/users/me").as(first).send();
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.json().get("user").get("id").asString()).isEqualTo(id);
		assertThat(me.json().get("user").get("email").asString()).isEqualTo(name + "@Example.com");

		String renamed = Api.uniqueName();
		Response patch = this.api.call("PATCH", "/api/users/me")
			.as(first)
			.json("{\"username\":\"%s\"}".formatted(renamed))
			.send();
		assertThat(patch.status()).isEqualTo(200);
		assertThat(patch.json().get("user").get("id").asString()).isEqualTo(id);
		assertThat(patch.json().get("user").get("username").asString()).isEqualTo(renamed);

		assertThat(this.api.post("/api/auth/login", "{\"login\":\"%s\",\"password\":\"%s\"}".formatted(name, PASSWORD))
			.status()).isEqualTo(401);
		Session second = this.api.login(renamed, PASSWORD);
		assertThat(second.userId()).isEqualTo(id);

		// the old name is free again at once
		Response reuse = this.api.post("/api/auth/signup",
				"{\"username\":\"%s\",\"email\":\"%s@example.org\",\"password\":\"%s\"}".formatted(name, name,
						PASSWORD));
		assertThat(reuse.status()).isEqualTo(201);

		Response wrongCurrent = this.api.call("PUT", "/api/users/me/password")
			.as(second)
			.json("{\"currentPassword\":\"not the password\",\"newPassword\":\"brand new password\"}")
			.send();
		// a refused action, not a dead session: 403 with its own type, and the session
		// lives on
		assertThat(wrongCurrent.status()).isEqualTo(403);
		assertThat(wrongCurrent.json().get("type").asString()).endsWith("/wrong-password");
		assertThat(this.api.call("GET", "/api/users/me").as(first).send().status()).isEqualTo(200);
		assertThat(this.api.call("GET", "/api/users/me").as(second).send().status()).isEqualTo(200);

		Response changed = this.api.call("PUT", "/api/users/me/password")
			.as(second)
			.json("{\"currentPassword\":\"%s\",\"newPassword\":\"brand new password\"}".formatted(PASSWORD))
			.send();
		assertThat(changed.status()).isEqualTo(204);
		assertThat(current(first.token()).status()).isEqualTo(401);
		assertThat(current(second.token()).status()).isEqualTo(200);
		assertThat(
				this.api.post("/api/auth/login", "{\"login\":\"%s\",\"password\":\"%s\"}".formatted(renamed, PASSWORD))
					.status())
			.isEqualTo(401);
		Session third = this.api.login(renamed, "brand new password");

		assertThat(this.api.call("POST", "/api/auth/logout").as(second).send().status()).isEqualTo(204);
		assertThat(current(second.token()).status()).isEqualTo(401);
		assertThat(this.api.call("GET", "/api/users/me").as(second).send().status()).isEqualTo(401);
		assertThat(current(third.token()).status()).isEqualTo(200);
		assertThat(stub.received("POST /internal/users/" + id + "/logged-out")).isFalse();

		assertThat(this.api.call("POST", "/api/auth/logout").as(third).send().status()).isEqualTo(204);
		assertThat(stub.received("POST /internal/users/" + id + "/logged-out")).isTrue();
	}

	@Test
	void duplicateUsernameOrEmailIsTakenWhateverItsCase() {
		Session taken = this.api.newSession(PASSWORD);
		Response sameName = this.api.post("/api/auth/signup",
				"{\"username\":\"%s\",\"email\":\"%s@other.example\",\"password\":\"%s\"}"
					.formatted(taken.username().toUpperCase(), Api.uniqueName(), PASSWORD));
		assertThat(sameName.status()).isEqualTo(409);
		assertThat(sameName.header("Content-Type")).startsWith("application/problem+json");
		assertThat(sameName.json().get("detail").asString()).contains("username");

		Response sameEmail = this.api.post("/api/auth/signup",
				"{\"username\":\"%s\",\"email\":\"%s\",\"password\":\"%s\"}".formatted(Api.uniqueName(),
						taken.email().toUpperCase(), PASSWORD));
		assertThat(sameEmail.status()).isEqualTo(409);

		Session other = this.api.newSession(PASSWORD);
		Response rename = this.api.call("PATCH", "/api/users/me")
			.as(other)
			.json("{\"username\":\"%s\"}".formatted(taken.username().toUpperCase()))
			.send();
		assertThat(rename.status()).isEqualTo(409);
		Response changeEmail = this.api.call("PATCH", "/api/users/me")
			.as(other)
			.json("{\"email\":\"%s\"}".formatted(taken.email().toUpperCase()))
			.send();
		assertThat(changeEmail.status()).isEqualTo(409);
		assertThat(this.api.call("GET", "/api/users/me").as(other).send().json().get("user").get("username").asString())
			.isEqualTo(other.username());

		// changing only the case of one's own name is allowed
		Response ownCase = this.api.call("PATCH", "/api/users/me")
			.as(other)
			.json("{\"username\":\"%s\"}".formatted(other.username().toUpperCase()))
			.send();
		assertThat(ownCase.status()).isEqualTo(200);
		assertThat(this.api.login(other.username(), PASSWORD).userId()).isEqualTo(other.userId());
	}

	@Test
	void concurrentSignupsOfOneNameCreateExactlyOneAccount() throws Exception {
		String name = Api.uniqueName();
		ExecutorService executor = Executors.newFixedThreadPool(8);
		try {
			List<Callable<Integer>> attempts = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				int n = i;
				attempts.add(
						() -> this.api
							.post("/api/auth/signup",
									"{\"username\":\"%s\",\"email\":\"%s-%d@example.com\",\"password\":\"%s\"}"
										.formatted((n % 2 == 0) ? name : name.toUpperCase(), name, n, PASSWORD))
							.status());
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> status : executor.invokeAll(attempts)) {
				statuses.add(status.get());
			}
			assertThat(statuses).isSubsetOf(201, 409, 429);
			assertThat(statuses).filteredOn((status) -> status == 201).hasSize(1);
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void lookupFindsExactMatchesOnlyAndShowsEmailOnlyToTheUserThemself() {
		Session me = this.api.newSession(PASSWORD);
		Session other = this.api.newSession(PASSWORD);
		Response byName = this.api.call("GET", "/api/users/lookup?q=" + other.username().toUpperCase()).as(me).send();
		assertThat(byName.status()).isEqualTo(200);
		assertThat(byName.json().get("user").get("id").asString()).isEqualTo(other.userId());
		assertThat(byName.json().get("user").has("email")).isFalse();
		Response byEmail = this.api.call("GET", "/api/users/lookup?q=" + other.email()).as(me).send();
		assertThat(byEmail.json().get("user").get("id").asString()).isEqualTo(other.userId());
		Response self = this.api.call("GET", "/api/users/lookup?q=" + me.username()).as(me).send();
		assertThat(self.json().get("user").get("email").asString()).isEqualTo(me.email());
		Response prefix = this.api.call("GET", "/api/users/lookup?q=" + other.username().substring(0, 5)).as(me).send();
		assertThat(prefix.status()).isEqualTo(404);
		assertThat(prefix.header("Content-Type")).startsWith("application/problem+json");
	}

	private Response current(String token) {
		return this.api.call("GET", "/internal/sessions/current").header("Authorization", "Bearer " + token).send();
	}

}
