package dev.carrier.gateway.tokens;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.carrier.gateway.GatewayApplication;
import dev.carrier.gateway.support.StandIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two gateway replicas with a token cache far longer than any test: a session that
 * auth-service ends must stop working at both at once, and a replica that lost its Redis
 * connection (and so may have missed notices) must forget what it cached. Runs on the
 * local Redis ({@code CARRIER_REDIS_URL}); it only publishes and kills its own gateways'
 * connections.
 */
class SessionEndNoticesIntegrationTests {

	static final String REDIS_URL = System.getenv().getOrDefault("CARRIER_REDIS_URL", "redis://127.0.0.1:6379");

	static final StandIn auth = StandIn.start("auth");

	static final StandIn chat = StandIn.start("chat");

	static final HttpClient http = HttpClient.newHttpClient();

	static final String SECOND_GATEWAY = "gateway-notices-" + UUID.randomUUID();

	static ConfigurableApplicationContext first;

	static ConfigurableApplicationContext second;

	static RedisClient redis;

	static StatefulRedisConnection<String, String> connection;

	@BeforeAll
	static void startTwoGateways() {
		first = gateway("gateway-notices-" + UUID.randomUUID());
		second = gateway(SECOND_GATEWAY);
		redis = RedisClient.create(REDIS_URL);
		connection = redis.connect();
	}

	@AfterAll
	static void stop() {
		first.close();
		second.close();
		connection.close();
		redis.shutdown();
		auth.close();
		chat.close();
	}

	@Test
	void aSessionEndedAtAuthServiceStopsWorkingAtEveryReplicaAtOnce() throws Exception {
		String token = sessionFor("user-" + UUID.randomUUID());
		assertThat(status(first, token)).isEqualTo(200);
		assertThat(status(second, token)).isEqualTo(200);
		int checks = auth.sessionChecks.get();
		assertThat(status(first, token)).isEqualTo(200);
		assertThat(status(second, token)).isEqualTo(200);
		assertThat(auth.sessionChecks.get()).as("both replicas answer from their caches").isEqualTo(checks);

		// what auth-service's close-session.lua does: the session is gone, and the notice
		// goes out
		auth.sessions.remove(token);
		connection.sync().publish(SessionEndNotices.CHANNEL, sha256(token));

		await().untilAsserted(() -> {
			assertThat(status(first, token)).isEqualTo(401);
			assertThat(status(second, token)).isEqualTo(401);
		});
	}

	@Test
	void aLostSessionStoreEmptiesEveryReplicasCache() throws Exception {
		String token = sessionFor("user-" + UUID.randomUUID());
		assertThat(status(first, token)).isEqualTo(200);
		assertThat(status(second, token)).isEqualTo(200);

		// what auth-service's SessionStoreWatch does when it finds its store wiped
		// (FLUSHALL)
		auth.sessions.remove(token);
		connection.sync().publish(SessionEndNotices.CHANNEL, SessionEndNotices.ALL_SESSIONS);

		await().untilAsserted(() -> {
			assertThat(status(first, token)).isEqualTo(401);
			assertThat(status(second, token)).isEqualTo(401);
		});
	}

	@Test
	void aReplicaThatLostItsRedisConnectionForgetsEveryCachedToken() throws Exception {
		String token = sessionFor("user-" + UUID.randomUUID());
		assertThat(status(second, token)).isEqualTo(200);
		// ended while the replica could not hear: no notice reaches it
		auth.sessions.remove(token);
		assertThat(status(second, token)).as("still cached").isEqualTo(200);

		List<String> clients = connection.sync()
			.clientList()
			.lines()
			.filter(line -> line.contains("name=" + SECOND_GATEWAY))
			.map(line -> line.substring(line.indexOf("id=") + 3, line.indexOf(' ', line.indexOf("id="))))
			.toList();
		assertThat(clients).isNotEmpty();
		clients.forEach(id -> connection.sync().clientKill(io.lettuce.core.KillArgs.Builder.id(Long.parseLong(id))));

		await().untilAsserted(() -> assertThat(status(second, token)).isEqualTo(401));
	}

	private static ConfigurableApplicationContext gateway(String clientName) {
		// command-line arguments: they outrank application.yml, as a replica's
		// environment would
		return new SpringApplicationBuilder(GatewayApplication.class).run("--server.port=0",
				"--logging.structured.format.console=", "--spring.data.redis.url=" + REDIS_URL,
				"--spring.data.redis.client-name=" + clientName, "--carrier.services.auth-url=" + auth.url(),
				"--carrier.services.chat-url=" + chat.url(), "--carrier.tokens.cache-ttl=10m");
	}

	private static int status(ConfigurableApplicationContext gateway, String token) throws Exception {
		int port = ((WebServerApplicationContext) gateway).getWebServer().getPort();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/chats"))
			.header("Authorization", "Bearer " + token)
			.build();
		return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private static String sessionFor(String userId) {
		String token = "token-" + UUID.randomUUID();
		auth.sessions.put(token, userId);
		return token;
	}

	private static String sha256(String token) throws Exception {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
	}

}
