package dev.carrier.chat.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.carrier.chat.support.IntegrationTestSupport;
import dev.carrier.chat.support.StubAuthService.User;
import dev.carrier.testsupport.TestTrust;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Anything that reaches chat-service's port without going through the gateway (a pod in
 * the cluster, a process on the host) can claim any identity it likes; only what the
 * gateway signed with the shared key, and only service credentials on /internal/**, are
 * believed.
 */
class CallerTrustIntegrationTests extends IntegrationTestSupport {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@Test
	void aBareUserIdHeaderIsNotAnIdentity() throws Exception {
		User alice = AUTH.newUser("alice");

		HttpResponse<String> reply = send("GET", "/api/chats", Map.of("X-Carrier-User-Id", alice.id()));

		assertRefused(reply);
	}

	@Test
	void assertionsTheGatewayDidNotSignAreRefused() throws Exception {
		User alice = AUTH.newUser("alice");
		String otherKey = Base64.getEncoder().encodeToString(new byte[32]);
		Instant soon = Instant.now().plusSeconds(30);

		assertRefused(send("GET", "/api/chats",
				Map.of("X-Carrier-Identity", TestTrust.sign("gateway", "carrier-api", alice.id(), soon, otherKey))));
		assertRefused(send("GET", "/api/chats", Map.of("X-Carrier-Identity",
				TestTrust.sign("gateway", "carrier-api", alice.id(), Instant.now().minusSeconds(120)))));
		// a service credential is not a user's identity
		assertRefused(send("GET", "/api/chats",
				Map.of("X-Carrier-Identity", TestTrust.sign("gateway", "carrier-internal", alice.id(), soon))));
		assertRefused(send("GET", "/api/chats", Map.of("X-Carrier-Identity", "not.a.jwt")));
		String unsigned = TestTrust.identity(alice.id());
		assertRefused(send("GET", "/api/chats",
				Map.of("X-Carrier-Identity", unsigned.substring(0, unsigned.lastIndexOf('.') + 1))));
	}

	@Test
	void theGatewaysAssertionActsForItsUser() throws Exception {
		User alice = AUTH.newUser("alice");
		createChat(alice, "plans", AUTH.newUser("bob"), AUTH.newUser("carol"));

		HttpResponse<String> reply = send("GET", "/api/chats",
				Map.of("X-Carrier-Identity", TestTrust.identity(alice.id())));

		assertThat(reply.statusCode()).isEqualTo(200);
		assertThat(reply.body()).contains("\"plans\"");
	}

	@Test
	void internalCallsNeedAServiceCredential() throws Exception {
		User alice = AUTH.newUser("alice");
		String path = "/internal/users/" + alice.id() + "/logged-out";

		assertRefused(send("POST", path, Map.of()));
		assertRefused(send("POST", path, Map.of("X-Carrier-User-Id", alice.id())));
		assertRefused(send("POST", path, Map.of("X-Carrier-Service", TestTrust.identity(alice.id()))));
		assertThat(send("POST", path, Map.of("X-Carrier-Service", TestTrust.serviceCredential())).statusCode())
			.isBetween(200, 299);
	}

	private HttpResponse<String> send(String method, String path, Map<String, String> headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.method(method, HttpRequest.BodyPublishers.noBody());
		headers.forEach(request::header);
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static void assertRefused(HttpResponse<String> reply) {
		assertThat(reply.statusCode()).isEqualTo(401);
		assertThat(reply.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		JsonNode problem = JSON.readTree(reply.body());
		assertThat(problem.path("status").asInt()).isEqualTo(401);
		assertThat(problem.path("detail").asString()).isNotBlank();
	}

}
