package dev.carrier.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

import dev.carrier.gateway.support.RealServers;
import dev.carrier.gateway.support.StandIn;
import dev.carrier.gateway.support.TrustKey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway on real Redis, in front of real HTTP/WebSocket stand-ins for auth-service
 * and three chat-service instances.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "logging.structured.format.console=", "spring.cloud.loadbalancer.health-check.interval=300ms" })
@Import(RealServers.class)
class GatewayIntegrationTests {

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

	@AfterAll
	static void stopStandIns() {
		auth.close();
		chatA.close();
		chatB.close();
		chatDoomed.close();
	}

	@BeforeEach
	void client() {
		this.client = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port)
			.responseTimeout(Duration.ofSeconds(15))
			.build();
	}

	// ---------------------------------------------------------------- routing

	@Test
	void eachPrefixReachesItsService() {
		String token = login();
		assertThat(echo(get("/api/users/me", token)).path("instance").asString()).isEqualTo("auth");
		assertThat(echo(get("/api/auth/sessions", token)).path("instance").asString()).isEqualTo("auth");
		JsonNode chats = echo(get("/api/chats", token));
		assertThat(chats.path("instance").asString()).startsWith("chat-");
		JsonNode messages = echo(get("/api/chats/c1/messages?afterSeq=3", token));
		assertThat(messages.path("path").asString()).isEqualTo("/api/chats/c1/messages?afterSeq=3");
	}

	@Test
	void postBodiesAreForwardedUnchanged() {
		String token = login();
		JsonNode echo = echo(this.client.post()
			.uri("/api/chats/c1/messages")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"text\":\"hi\",\"clientMessageId\":\"m1\"}")
			.exchange());
		assertThat(echo.path("method").asString()).isEqualTo("POST");
		assertThat(echo.path("body").asString()).isEqualTo("{\"text\":\"hi\",\"clientMessageId\":\"m1\"}");
	}

	@Test
	void serviceApiDocsAreServedUnderTheirOwnNames() {
		this.client.get()
			.uri("/v3/api-docs/auth")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.info.title")
			.isEqualTo("auth");
		this.client.get()
			.uri("/v3/api-docs/chat")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.info.title")
			.value(title -> assertThat((String) title).startsWith("chat-"));
	}

	@Test
	void swaggerUiListsBothServices() {
		this.client.get()
			.uri("/v3/api-docs/gateway/swagger-config")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.urls[?(@.url == '/v3/api-docs/auth')]")
			.exists()
			.jsonPath("$.urls[?(@.url == '/v3/api-docs/chat')]")
			.exists();
	}

	@Test
	void internalPathsAreNeverRouted() {
		String token = login();
		for (String path : new String[] { "/internal/sessions/current", "/internal/users/lookup?q=x" }) {
			expectProblem(this.client.get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange(),
					404);
		}
		assertThat(auth.calledPaths).noneMatch(p -> p.startsWith("/internal/users"));
	}

	@Test
	void unknownRoutesAreProblems() {
		String token = login();
		expectProblem(get("/api/nowhere", token), 404);
		expectProblem(this.client.get().uri("/nothing-here.txt").exchange(), 404);
		expectProblem(this.client.get().uri("/api/nowhere").accept(MediaType.TEXT_HTML).exchange(), 404);
	}

	@Test
	void wrongMethodOnTheGatewayIsAProblem() {
		expectProblem(this.client.post().uri("/v3/api-docs/gateway").exchange(), 405);
	}

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

	// ---------------------------------------------------------------- identity

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

	// ---------------------------------------------------------------- rate limits

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

	// ---------------------------------------------------------------- load balancing and
	// WebSocket

	@Test
	void chatCallsAreSpreadOverTheInstances() {
		String token = login();
		Set<String> instances = new HashSet<>();
		for (int i = 0; i < 12; i++) {
			instances.add(echo(get("/api/chats", token)).path("instance").asString());
		}
		assertThat(instances).hasSizeGreaterThanOrEqualTo(2);
	}

	@Test
	void aDeadChatInstanceIsSkipped() {
		String token = login();
		chatDoomed.close();
		for (int i = 0; i < 12; i++) {
			assertThat(echo(get("/api/chats", token)).path("instance").asString()).isIn("chat-a", "chat-b");
		}
		for (int i = 0; i < 12; i++) {
			assertThat(echo(this.client.post()
				.uri("/api/chats")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{\"members\":[\"x\"]}")
				.exchange()).path("body").asString()).isEqualTo("{\"members\":[\"x\"]}");
		}
	}

	@Test
	void webSocketsAreProxiedEndToEnd() {
		Sinks.One<String> reply = Sinks.one();
		new ReactorNettyWebSocketClient()
			.execute(URI.create("ws://localhost:" + this.port + "/api/ws"),
					session -> session.send(Mono.just(session.textMessage("{\"type\":\"auth\"}")))
						.thenMany(session.receive().map(WebSocketMessage::getPayloadAsText).take(1))
						.doOnNext(reply::tryEmitValue)
						.then())
			.block(Duration.ofSeconds(10));
		assertThat(reply.asMono().block(Duration.ofSeconds(1))).matches("chat-(a|b|doomed):\\{\"type\":\"auth\"}");
	}

	@Test
	void aPlainGetOnTheWebSocketPathIsNotRouted() {
		expectProblem(this.client.get().uri("/api/ws").exchange(), 404);
	}

	// ---------------------------------------------------------------- browser-facing

	@Test
	void everyResponseCarriesSecurityHeaders() {
		String token = login();
		for (var spec : new WebTestClient.ResponseSpec[] { get("/api/chats", token),
				this.client.get().uri("/nothing").exchange(),
				this.client.get().uri("/").accept(MediaType.TEXT_HTML).exchange() }) {
			spec.expectHeader()
				.valueEquals("X-Content-Type-Options", "nosniff")
				.expectHeader()
				.valueEquals("X-Frame-Options", "DENY")
				.expectHeader()
				.valueEquals("Referrer-Policy", "no-referrer")
				.expectHeader()
				.value("Content-Security-Policy",
						csp -> assertThat(csp).contains("default-src 'self'", "connect-src 'self' ws: wss:",
								"frame-ancestors 'none'"))
				.expectHeader()
				.exists("Permissions-Policy");
		}
	}

	@Test
	void crossOriginRequestsAreRefused() {
		expectProblem(this.client.options()
			.uri("/api/chats")
			.header(HttpHeaders.ORIGIN, "https://evil.example")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
			.exchange(), 403).getResponseHeaders()
			.forEach((name, values) -> assertThat(name).doesNotStartWithIgnoringCase("Access-Control-Allow"));
		expectProblem(this.client.post()
			.uri("/api/auth/login")
			.header(HttpHeaders.ORIGIN, "https://evil.example")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange(), 403);
		this.client.post()
			.uri("/api/auth/login")
			.header(HttpHeaders.ORIGIN, "http://localhost:" + this.port)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void appPathsServeIndexHtmlUncached() {
		for (String path : new String[] { "/", "/chats/42", "/profile" }) {
			this.client.get()
				.uri(path)
				.accept(MediaType.TEXT_HTML)
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.TEXT_HTML)
				.expectHeader()
				.cacheControl(org.springframework.http.CacheControl.noCache())
				.expectBody(String.class)
				.value(html -> assertThat(html).contains("carrier-test-app"));
		}
	}

	@Test
	void hashedAssetsAreCachedForLong() {
		this.client.get()
			.uri("/assets/app-3f9a1c.js")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.value(HttpHeaders.CACHE_CONTROL, cc -> assertThat(cc).contains("max-age=31536000", "immutable"));
	}

	@Test
	void apiAndUnknownFilesNeverFallBackToTheApp() {
		expectProblem(this.client.get().uri("/missing.js").accept(MediaType.TEXT_HTML).exchange(), 404);
		expectProblem(this.client.get().uri("/actuator/nothing").accept(MediaType.TEXT_HTML).exchange(), 404);
		expectProblem(this.client.get().uri("/chats/42").accept(MediaType.APPLICATION_JSON).exchange(), 404);
	}

	@Test
	void thePublicPortTellsOnlyUpOrDown() {
		this.client.get()
			.uri("/readyz")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value(body -> assertThat(body).contains("\"UP\"").doesNotContain("redis", "diskSpace"));
		this.client.get().uri("/livez").exchange().expectStatus().isOk();
		for (String internal : new String[] { "/actuator/prometheus", "/actuator/info", "/actuator/health",
				"/actuator/metrics", "/actuator/env" }) {
			expectProblem(this.client.get().uri(internal).exchange(), 404);
		}
	}

	@Test
	void metricsAndHealthAreOnTheManagementPort() {
		WebTestClient management = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.managementPort)
			.responseTimeout(Duration.ofSeconds(15))
			.build();
		management.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
		management.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
		String token = login();
		get("/api/chats", token).expectStatus().isOk();
		management.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value(body -> assertThat(body).contains("spring_cloud_gateway_requests"));
	}

	// ---------------------------------------------------------------- helpers

	private String login() {
		return sessionFor(UUID.randomUUID().toString());
	}

	private static String sessionFor(String userId) {
		String token = "token-" + UUID.randomUUID();
		auth.sessions.put(token, userId);
		return token;
	}

	private WebTestClient.ResponseSpec login(String name) {
		return this.client.post()
			.uri("/api/auth/login")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("login", name, "password", "wrong-password"))
			.exchange();
	}

	private WebTestClient.ResponseSpec get(String path, String token) {
		return this.client.get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
	}

	private static JsonNode echo(WebTestClient.ResponseSpec spec) {
		byte[] body = spec.expectStatus().isOk().expectBody().returnResult().getResponseBody();
		return JSON.readTree(body);
	}

	private static int statusOf(WebTestClient.ResponseSpec spec) {
		return spec.expectBody().returnResult().getStatus().value();
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

}
