package dev.carrier.gateway;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the gateway bounds itself (body sizes) and what it leaves to the services (login
 * attempts per name), telling them the client's address.
 */
class GatewayLimitsIntegrationTests extends GatewayIntegrationTestSupport {

	@Test
	void oversizeBodiesAreRefusedWith413() {
		String token = login();
		expectProblem(this.client.post()
			.uri("/api/chats/c1/messages")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("x".repeat(3 * 1024 * 1024))
			.exchange(), 413);
	}

	@Test
	void loginsPerNameAreLeftToAuthServiceWhichHearsTheClientAddressFromTheGatewayOnly() {
		// auth-service limits logins per name, normalized as its lookup does; the gateway
		// does not.
		String name = "victim-" + UUID.randomUUID();
		for (int i = 0; i < 12; i++) {
			login(name).expectStatus().isOk();
		}
		JsonNode forged = echo(this.client.post()
			.uri("/api/auth/login")
			.contentType(MediaType.APPLICATION_JSON)
			.header("X-Carrier-Client-Address", "203.0.113.9")
			.header("X-Forwarded-For", "203.0.113.10")
			.bodyValue(Map.of("login", name, "password", "wrong-password"))
			.exchange());
		assertThat(forged.get("headers").get("x-carrier-client-address").asString()).isIn("127.0.0.1",
				"0:0:0:0:0:0:0:1");
	}

	private WebTestClient.ResponseSpec login(String name) {
		return this.client.post()
			.uri("/api/auth/login")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("login", name, "password", "wrong-password"))
			.exchange();
	}

}
