package dev.carrier.gateway;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import dev.carrier.gateway.support.TrustKey;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who a call is from: only the gateway's own signed assertion reaches a service, tokens
 * are checked (and cached briefly) with auth-service, and a session that ends stops
 * working at once.
 */
class GatewayIdentityIntegrationTests extends GatewayIntegrationTestSupport {

	@Test
	void forgedIdentityHeadersNeverReachAService() {
		String userId = UUID.randomUUID().toString();
		String token = sessionFor(userId);
		JsonNode headers = echo(this.client.get()
			.uri("/api/chats")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.header("X-Carrier-User-Id", "someone-else")
			.header("x-carrier-admin", "true")
			.header("X-User-Id", "someone-else")
			.header("X-Forwarded-User", "someone-else")
			.exchange()).path("headers");
		assertThat(headers.has("x-carrier-user-id")).isFalse();
		assertThat(identityIn(headers)).isEqualTo(userId);
		assertThat(headers.has("x-carrier-admin")).isFalse();
		assertThat(headers.has("x-user-id")).isFalse();
		assertThat(headers.has("x-forwarded-user")).isFalse();
		assertThat(headers.path("authorization").asString()).isEqualTo("Bearer " + token);
	}

	@Test
	void publicCallsCarryNoIdentityEvenWhenForged() {
		JsonNode headers = echo(this.client.post()
			.uri("/api/auth/login")
			.header("X-Carrier-User-Id", "someone-else")
			.header("X-CARRIER-USER-ID", "someone-else")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("login", "u" + UUID.randomUUID(), "password", "secret-password"))
			.exchange()).path("headers");
		assertThat(headers.has("x-carrier-user-id")).isFalse();
		assertThat(headers.has("x-carrier-identity")).isFalse();
	}

	@Test
	void aForgedAssertionIsReplacedByTheGatewaysOwn() {
		String userId = UUID.randomUUID().toString();
		JsonNode headers = echo(this.client.get()
			.uri("/api/chats")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + sessionFor(userId))
			.header("X-Carrier-Identity", "forged.assertion.value")
			.exchange()).path("headers");
		assertThat(identityIn(headers)).isEqualTo(userId);
	}

	@Test
	void tokenChecksCarryTheGatewaysServiceCredential() {
		login();
		assertThat(TrustKey.verify(this.trustKey, auth.lastServiceCredential, "carrier-internal")).isEqualTo("gateway");
	}

	/** The user the gateway's signed assertion names, checked with the shared key. */
	private String identityIn(JsonNode headers) {
		return TrustKey.verify(this.trustKey, headers.path("x-carrier-identity").asString(), "carrier-api");
	}

	@Test
	void callsWithoutATokenGet401Problems() {
		EntityExchangeResult<byte[]> result = expectProblem(this.client.get().uri("/api/chats").exchange(), 401);
		assertThat(result.getResponseHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Bearer");
		expectProblem(get("/api/users/me", "not-a-real-token"), 401);
		expectProblem(
				this.client.get().uri("/api/chats").header(HttpHeaders.AUTHORIZATION, "Basic dXNlcjpwYXNz").exchange(),
				401);
		expectProblem(this.client.delete().uri("/api/chats/c1/messages/m1").exchange(), 401);
	}

	@Test
	void publicCallsNeedNoToken() {
		this.client.get().uri("/api/users/" + UUID.randomUUID() + "/avatar").exchange().expectStatus().isOk();
		this.client.post()
			.uri("/api/auth/signup")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("username", "u" + UUID.randomUUID().toString().substring(0, 8)))
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void aBurstOfCallsWithOneTokenCostsOneCheck() {
		String token = login();
		int before = auth.sessionChecks.get();
		for (int i = 0; i < 10; i++) {
			get("/api/users/me", token).expectStatus().isOk();
		}
		// The TTL is 1 s: at most a couple of checks even on a slow machine, never one
		// per call.
		assertThat(auth.sessionChecks.get() - before).isBetween(1, 3);
	}

	@Test
	void logoutThroughTheGatewayTakesEffectAtOnce() {
		String token = login();
		get("/api/users/me", token).expectStatus().isOk();
		this.client.post()
			.uri("/api/auth/logout")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.exchange()
			.expectStatus()
			.isNoContent();
		expectProblem(get("/api/users/me", token), 401);
	}

	@Test
	void passwordChangeEndsTheUsersOtherCachedSessionsAtOnce() {
		String userId = UUID.randomUUID().toString();
		String current = sessionFor(userId);
		String other = sessionFor(userId);
		get("/api/users/me", other).expectStatus().isOk();
		this.client.put()
			.uri("/api/users/me/password")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + current)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("currentPassword", "a", "newPassword", "b"))
			.exchange()
			.expectStatus()
			.isNoContent();
		expectProblem(get("/api/users/me", other), 401);
		get("/api/users/me", current).expectStatus().isOk();
	}

}
