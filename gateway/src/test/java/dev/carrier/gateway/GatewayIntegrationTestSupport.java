package dev.carrier.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway on real Redis, in front of real HTTP/WebSocket stand-ins for auth-service
 * and three chat-service instances, with a built frontend to serve. Every subclass shares
 * the one application context and the one set of stand-ins; the stand-ins stop when that
 * context closes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "logging.structured.format.console=", "spring.cloud.loadbalancer.health-check.interval=300ms" })
@Import({ RealServers.class, GatewayIntegrationTestSupport.StandInsStop.class })
abstract class GatewayIntegrationTestSupport {

	static final StandIn auth = StandIn.start("auth");

	static final StandIn chatA = StandIn.start("chat-a");

	static final StandIn chatB = StandIn.start("chat-b");

	/** Killed by one test to show a dead instance is skipped. */
	static final StandIn chatDoomed = StandIn.start("chat-doomed");

	static final Path frontend = builtFrontend();

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Value("${carrier.trust.key}")
	String trustKey;

	WebTestClient client;

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		registry.add("carrier.services.auth-url", auth::url);
		registry.add("carrier.services.chat-url", () -> chatA.url() + "," + chatB.url() + "," + chatDoomed.url());
		registry.add("spring.web.resources.static-locations", () -> frontend.toUri().toString());
	}

	@BeforeEach
	void client() {
		this.client = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port)
			.responseTimeout(Duration.ofSeconds(15))
			.build();
	}

	String login() {
		return sessionFor(UUID.randomUUID().toString());
	}

	static String sessionFor(String userId) {
		String token = "token-" + UUID.randomUUID();
		auth.sessions.put(token, userId);
		return token;
	}

	WebTestClient.ResponseSpec get(String path, String token) {
		return this.client.get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
	}

	static JsonNode echo(WebTestClient.ResponseSpec spec) {
		byte[] body = spec.expectStatus().isOk().expectBody().returnResult().getResponseBody();
		return JSON.readTree(body);
	}

	static EntityExchangeResult<byte[]> expectProblem(WebTestClient.ResponseSpec spec, int status) {
		EntityExchangeResult<byte[]> result = spec.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.returnResult();
		JsonNode problem = JSON.readTree(result.getResponseBody());
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("type").asString()).startsWith("https://carrier.dev/problems/");
		assertThat(problem.path("title").asString()).isNotBlank();
		assertThat(problem.path("detail").asString()).isNotBlank().doesNotContain("Exception", "\tat ");
		return result;
	}

	private static Path builtFrontend() {
		try {
			Path dir = Files.createTempDirectory("carrier-frontend");
			Files.writeString(dir.resolve("index.html"),
					"<!doctype html><html><head><title>carrier-test-app</title></head><body></body></html>");
			Files.createDirectories(dir.resolve("assets"));
			Files.writeString(dir.resolve("assets/app-3f9a1c.js"), "console.log('carrier');");
			return dir;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Stops the stand-ins with the context that routes to them: the subclasses share
	 * both, so no single test class may stop them when it ends.
	 */
	static class StandInsStop implements DisposableBean {

		@Override
		public void destroy() {
			auth.close();
			chatA.close();
			chatB.close();
			chatDoomed.close();
		}

	}

}
