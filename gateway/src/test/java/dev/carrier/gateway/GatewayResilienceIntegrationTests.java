package dev.carrier.gateway;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.carrier.gateway.support.RealServers;
import dev.carrier.gateway.support.StandIn;

import static dev.carrier.gateway.GatewayIntegrationTestSupport.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway when its services fail: auth-service is down (nothing listens on its port)
 * and the only chat-service instance answers its API docs too slowly. The client waits 15
 * s; the gateway must answer long before that, with a problem document.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"logging.structured.format.console=", "resilience4j.timelimiter.configs.default.timeout-duration=2s",
		"carrier.rate-limits.api-per-user.replenish-rate=1", "carrier.rate-limits.api-per-user.burst-capacity=2" })
@Import(RealServers.class)
class GatewayResilienceIntegrationTests {

	static final String deadAuth = StandIn.deadUrl();

	static final StandIn slowChat = StandIn.start("chat-slow");

	@LocalServerPort
	int port;

	WebTestClient client;

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		registry.add("carrier.services.auth-url", () -> deadAuth);
		registry.add("carrier.services.chat-url", slowChat::url);
		slowChat.slowPaths.put("/v3/api-docs/public", Duration.ofSeconds(8));
	}

	@AfterAll
	static void stopStandIns() {
		slowChat.close();
	}

	@BeforeEach
	void client() {
		this.client = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port)
			.responseTimeout(Duration.ofSeconds(15))
			.build();
	}

	@Test
	void aDeadServiceGivesAFast503Problem() {
		long started = System.nanoTime();
		EntityExchangeResult<byte[]> result = expectProblem(this.client.post()
			.uri("/api/auth/login")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("login", "u" + UUID.randomUUID(), "password", "secret-password"))
			.exchange(), 503);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
		assertThat(new String(result.getResponseBody())).contains("auth-service");
		assertThat(result.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
	}

	@Test
	void tokenChecksAgainstADeadAuthServiceAre503NotA401() {
		long started = System.nanoTime();
		expectProblem(this.client.get()
			.uri("/api/chats")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + UUID.randomUUID())
			.exchange(), 503);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
	}

	@Test
	void aSlowServiceIsCutOffByTheTimeLimiter() {
		long started = System.nanoTime();
		EntityExchangeResult<byte[]> result = expectProblem(this.client.get().uri("/v3/api-docs/chat").exchange(), 504);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(6));
		assertThat(new String(result.getResponseBody())).contains("chat-service");
	}

	@Test
	void anonymousCallsOverThePerClientLimitGet429WithRetryAfter() {
		// Public calls are limited per address; with a burst of 2 the third call is
		// refused
		// before the (dead) service is even tried. Other tests' calls may have used
		// tokens too.
		String avatar = "/api/users/" + UUID.randomUUID() + "/avatar";
		EntityExchangeResult<byte[]> refused = null;
		for (int i = 0; i < 5 && refused == null; i++) {
			var result = this.client.get().uri(avatar).exchange().expectBody().returnResult();
			if (result.getStatus().value() == 429) {
				refused = result;
			}
		}
		assertThat(refused).as("a 429 within 5 calls").isNotNull();
		assertThat(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
		assertThat(refused.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
	}

}
