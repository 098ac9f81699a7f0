package dev.carrier.e2e.security;

import static dev.carrier.e2e.support.CarrierApi.env;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.carrier.e2e.support.CarrierApi;
import dev.carrier.e2e.support.Chats;
import dev.carrier.e2e.support.TestUser;

/**
 * The attack: anything that reaches a service's own port (a pod in the cluster, a process
 * on the host) claims to be somebody with {@code X-Carrier-User-Id}, or calls
 * {@code /internal/**}. Expected: 401 problem documents from every service, and the same
 * calls through the gateway work.
 */
class ServicesTrustOnlyTheGatewayEndToEndTests {

	private static final URI AUTH = URI.create(env("CARRIER_AUTH_URL", "http://127.0.0.1:8081"));

	private static final URI CHAT = URI.create(env("CARRIER_CHAT_DIRECT_URL", "http://127.0.0.1:8082"));

	private static final URI PERSISTENCE = URI.create(env("CARRIER_PERSISTENCE_URL", "http://127.0.0.1:8083"));

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void aBareUserIdHeaderActsForNobodyOnAnyServicePort() throws Exception {
		TestUser victim = TestUser.signUp("victim");
		TestUser friend = TestUser.signUp("friend");
		String chatId = Chats.create(victim, List.of(friend.username()), null).path("id").asString();
		Map<String, String> claim = Map.of("X-Carrier-User-Id", victim.id());

		assertRefused(call(CHAT, "GET", "/api/chats", claim, null));
		assertRefused(call(CHAT, "GET", "/api/chats/" + chatId + "/messages", claim, null));
		assertRefused(call(CHAT, "POST", "/api/chats/" + chatId + "/messages", claim,
				"{\"text\":\"forged\",\"clientMessageId\":\"forged-1\"}"));
		assertRefused(call(AUTH, "GET", "/api/users/me", claim, null));
		assertRefused(call(AUTH, "PATCH", "/api/users/me", claim, "{\"username\":\"hijacked\"}"));
		// even with the victim's own token, the service wants the gateway's assertion
		assertRefused(call(AUTH, "GET", "/api/users/me",
				Map.of("X-Carrier-User-Id", victim.id(), "Authorization", "Bearer " + victim.token()), null));
		// and a made-up assertion is no better
		assertRefused(call(CHAT, "GET", "/api/chats",
				Map.of("X-Carrier-Identity", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl"), null));

		var viaGateway = CarrierApi.get("/api/chats/" + chatId + "/messages", victim.token());
		assertThat(viaGateway.status()).isEqualTo(200);
		assertThat(viaGateway.json().path("messages")).isEmpty();
		assertThat(CarrierApi.get("/api/users/me", victim.token()).json().path("user").path("username").asString())
			.isEqualTo(victim.username());
	}

	@Test
	void internalEndpointsAnswerOnlyCarriersOwnServices() throws Exception {
		TestUser user = TestUser.signUp("internal");

		assertRefused(call(AUTH, "GET", "/internal/sessions/current", Map.of("Authorization", "Bearer " + user.token()),
				null));
		assertRefused(call(AUTH, "GET", "/internal/users?ids=" + user.id(), Map.of(), null));
		assertRefused(call(CHAT, "POST", "/internal/users/" + user.id() + "/logged-out", Map.of(), null));
		assertRefused(call(PERSISTENCE, "GET", "/internal/users/" + user.id(), Map.of(), null));
		assertRefused(call(PERSISTENCE, "GET", "/internal/users/" + user.id() + "/chat-ids",
				Map.of("X-Carrier-User-Id", user.id()), null));
		assertRefused(call(PERSISTENCE, "POST", "/internal/snapshots", Map.of(), "{\"chatIds\":[]}"));

		assertThat(CarrierApi.get("/api/users/me", user.token()).status()).isEqualTo(200);
	}

	private static HttpResponse<String> call(URI service, String method, String path, Map<String, String> headers,
			String json) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(service.resolve(path)).timeout(Duration.ofSeconds(10));
		headers.forEach(request::header);
		if (json != null) {
			request.header("Content-Type", "application/json").method(method, BodyPublishers.ofString(json));
		}
		else {
			request.method(method, BodyPublishers.noBody());
		}
		return HTTP.send(request.build(), BodyHandlers.ofString());
	}

	private static void assertRefused(HttpResponse<String> reply) {
		String what = reply.request().method() + " " + reply.uri();
		assertThat(reply.statusCode()).as(what + ": " + reply.body()).isEqualTo(401);
		assertThat(reply.headers().firstValue("Content-Type").orElse("")).as(what)
			.startsWith("application/problem+json");
		JsonNode problem = CarrierApi.JSON.readTree(reply.body());
		assertThat(problem.path("status").asInt()).as(what).isEqualTo(401);
		assertThat(problem.path("detail").asString()).as(what).isNotBlank();
	}

}
