package dev.carrier.chat.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.carrier.testsupport.TestTrust;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The common setup of the integration tests: the application on a random port against the
 * real Redis and Kafka, with auth-service and persistence-service stood in by small HTTP
 * servers. Every test makes its own users, so tests never share data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "logging.structured.format.console=", "carrier.chat.sweep-interval=1h" })
@Import(RealServers.class)
public abstract class IntegrationTestSupport {

	public static final StubAuthService AUTH = new StubAuthService();

	public static final StubPersistenceService PERSISTENCE = new StubPersistenceService();

	protected static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	/** Shared by every context of the run: one group keeps partition assignment quick. */
	private static final String USER_CHANGED_GROUP = "chat-service-test-" + UUID.randomUUID();

	@Value("${local.server.port}")
	protected int port;

	@Value("${spring.kafka.bootstrap-servers}")
	protected String bootstrap;

	@DynamicPropertySource
	static void stubs(DynamicPropertyRegistry registry) {
		registry.add("carrier.auth-url", AUTH::url);
		registry.add("carrier.persistence-url", PERSISTENCE::url);
		registry.add("carrier.chat.user-changed-group", () -> USER_CHANGED_GROUP);
	}

	/**
	 * The consumer group of this run's chat-service instances (user-changed and
	 * messages-stored).
	 */
	protected static String consumerGroup() {
		return USER_CHANGED_GROUP;
	}

	public static Map<String, String> stubProperties() {
		return Map.of("carrier.auth-url", AUTH.url(), "carrier.persistence-url", PERSISTENCE.url(),
				"carrier.chat.user-changed-group", USER_CHANGED_GROUP, "carrier.chat.sweep-interval", "1h",
				"logging.structured.format.console", "");
	}

	protected record Reply(int status, String body, HttpResponse<String> raw) {

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

		public String contentType() {
			return this.raw.headers().firstValue("Content-Type").orElse("");
		}

	}

	protected Reply call(String method, String path, String userId, String body) {
		return call(this.port, method, path, userId, body, "application/json");
	}

	protected static Reply call(int port, String method, String path, String userId, String body, String contentType) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", contentType);
		}
		if (userId != null) {
			request.header("X-Carrier-Identity", TestTrust.identity(userId));
		}
		if (path.startsWith("/internal/")) {
			request.header("X-Carrier-Service", TestTrust.serviceCredential());
		}
		try {
			HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Reply(response.statusCode(), response.body(), response);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	protected Reply get(String path, String userId) {
		return call("GET", path, userId, null);
	}

	protected Reply post(String path, String userId, Object body) {
		return call("POST", path, userId, (body instanceof String s) ? s : JSON.writeValueAsString(body));
	}

	protected Reply delete(String path, String userId) {
		return call("DELETE", path, userId, null);
	}

	/**
	 * Creates a chat as {@code creator} with these members (by username) and returns it.
	 */
	protected JsonNode createChat(StubAuthService.User creator, String name, StubAuthService.User... members) {
		Map<String, Object> body = new java.util.HashMap<>();
		body.put("members", java.util.Arrays.stream(members).map(StubAuthService.User::username).toList());
		if (name != null) {
			body.put("name", name);
		}
		Reply reply = post("/api/chats", creator.id(), body);
		if (reply.status() != 201) {
			throw new AssertionError("create chat: " + reply.status() + " " + reply.body());
		}
		return reply.json().path("chat");
	}

	protected JsonNode send(String chatId, StubAuthService.User sender, String text) {
		Reply reply = post("/api/chats/" + chatId + "/messages", sender.id(),
				Map.of("text", text, "clientMessageId", UUID.randomUUID().toString()));
		if (reply.status() != 201) {
			throw new AssertionError("send: " + reply.status() + " " + reply.body());
		}
		return reply.json().path("message");
	}

	protected static List<Long> seqs(JsonNode messages) {
		List<Long> seqs = new java.util.ArrayList<>();
		messages.forEach(message -> seqs.add(message.path("seq").asLong()));
		return seqs;
	}

}
