package dev.carrier.chat.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.carrier.chat.messages.MessageService;
import dev.carrier.chat.support.IntegrationTestSupport;
import dev.carrier.chat.support.StubAuthService.User;
import dev.carrier.chat.support.WsClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Sending over the socket is the POST's send with another envelope: the same answer, the
 * same idempotency, the same refusals, and a socket that stops the moment its session
 * ends.
 */
class SocketSendsIntegrationTests extends IntegrationTestSupport {

	private static final Duration BOUND = Duration.ofSeconds(15);

	@Autowired
	StringRedisTemplate redis;

	@Test
	void aMessageSentOverTheSocketIsAnsweredThereAndDeliveredAndStoredAsAPostIs() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		String chatId = createChat(alice, null, bob).path("id").asString();
		try (WsClient aliceSocket = WsClient.ready(this.port, alice.token());
				WsClient bobSocket = WsClient.ready(this.port, bob.token())) {
			String clientMessageId = UUID.randomUUID().toString();
			aliceSocket.send(frame(chatId, Map.of("text", "  over the socket  ", "clientMessageId", clientMessageId)));

			JsonNode sent = answer(aliceSocket, clientMessageId);
			assertThat(sent.path("type").asString()).isEqualTo("sent");
			JsonNode message = sent.path("message");
			assertThat(message.path("text").asString()).isEqualTo("over the socket");
			assertThat(message.path("senderId").asString()).isEqualTo(alice.id());
			assertThat(message.path("seq").asLong()).isEqualTo(1);
			await().atMost(BOUND).until(() -> bobSocket.hasType("message.created"));
			assertThat(bobSocket.ofType("message.created").get(0).path("message")).isEqualTo(message);
			assertThat(get("/api/chats/" + chatId + "/messages", bob.id()).json()).containsExactly(message);
		}
	}

	@Test
	void aRetryWithTheSameClientMessageIdIsAnsweredWithTheSameMessageOverEitherPath() {
		User alice = AUTH.newUser("alice");
		String chatId = createChat(alice, null, AUTH.newUser("bob")).path("id").asString();
		String clientMessageId = UUID.randomUUID().toString();
		Map<String, Object> body = Map.of("text", "once", "clientMessageId", clientMessageId);
		try (WsClient socket = WsClient.ready(this.port, alice.token())) {
			socket.send(frame(chatId, body));
			JsonNode first = answer(socket, clientMessageId).path("message");
			socket.send(frame(chatId, body));
			await().atMost(BOUND).until(() -> answers(socket, clientMessageId).size() == 2);

			assertThat(answers(socket, clientMessageId).get(1).path("message")).isEqualTo(first);
			Reply post = post("/api/chats/" + chatId + "/messages", alice.id(), body);
			assertThat(post.json().path("message")).isEqualTo(first);
			assertThat(get("/api/chats/" + chatId + "/messages", alice.id()).json()).hasSize(1);
		}
	}

	@Test
	void aStrangersSendIsNotFoundAndReachesNoOne() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		User mallory = AUTH.newUser("mallory");
		String chatId = createChat(alice, null, bob).path("id").asString();
		try (WsClient strangerSocket = WsClient.ready(this.port, mallory.token());
				WsClient bobSocket = WsClient.ready(this.port, bob.token())) {
			String clientMessageId = UUID.randomUUID().toString();
			strangerSocket.send(frame(chatId, Map.of("text", "let me in", "clientMessageId", clientMessageId)));

			JsonNode failed = answer(strangerSocket, clientMessageId);
			assertThat(failed.path("type").asString()).isEqualTo("send.failed");
			assertThat(failed.path("problem").path("status").asInt()).isEqualTo(404);
			assertThat(failed.path("problem").path("instance").asString())
				.isEqualTo("/api/chats/" + chatId + "/messages");
			// the chat's own members go on; the stranger's socket stays open
			send(chatId, alice, "members only");
			await().atMost(BOUND).until(() -> bobSocket.hasType("message.created"));
			assertThat(bobSocket.ofType("message.created")).hasSize(1);
			assertThat(get("/api/chats/" + chatId + "/messages", bob.id()).json()).hasSize(1);
			assertThat(strangerSocket.closeCode).isNull();
		}
	}

	@Test
	void badSendsGetTheProblemThePostGetsAndStoreNothing() {
		User alice = AUTH.newUser("alice");
		String chatId = createChat(alice, null, AUTH.newUser("bob")).path("id").asString();
		List<Map<String, Object>> bodies = List.of(Map.of("text", "   ", "clientMessageId", "blank-text"),
				Map.of("text", "x".repeat(4001), "clientMessageId", "too-long"), Map.of("text", "no id"),
				Map.of("text", Map.of("not", "text"), "clientMessageId", "text-is-an-object"),
				Map.of("text", "hi", "clientMessageId", "c".repeat(65)),
				Map.of("text", "hi", "clientMessageId", "reply-to-nothing", "replyTo", UUID.randomUUID().toString()),
				Map.of("text", "hi", "clientMessageId", "eleven-files", "attachmentIds",
						java.util.Collections.nCopies(11, UUID.randomUUID().toString())));
		try (WsClient socket = WsClient.ready(this.port, alice.token())) {
			for (Map<String, Object> body : bodies) {
				Reply post = post("/api/chats/" + chatId + "/messages", alice.id(), body);
				String clientMessageId = (body.get("clientMessageId") instanceof String id) ? id : null;
				socket.send(frame(chatId, body));
				JsonNode failed = answer(socket, clientMessageId);

				assertThat(post.status()).as(post.body()).isEqualTo(400);
				assertThat(failed.path("type").asString()).isEqualTo("send.failed");
				JsonNode problem = failed.path("problem");
				for (String field : List.of("type", "title", "status", "detail")) {
					assertThat(problem.path(field)).as(body + ": " + field).isEqualTo(post.json().path(field));
				}
			}
			JsonNode notAnId = answerTo(socket, "not-a-chat", Map.of("text", "hi", "clientMessageId", "bad-chat"));
			assertThat(notAnId.path("problem").path("status").asInt()).isEqualTo(404);
			assertThat(notAnId.path("problem").path("instance").asString()).isEqualTo("/api/ws");
			assertThat(get("/api/chats/" + chatId + "/messages", alice.id()).json()).isEmpty();
			assertThat(socket.closeCode).isNull();
		}
	}

	/**
	 * Send frames are bounded by the user's request limit, answered, not by the socket's
	 * frame budget (100 at once by default), which would close the socket.
	 */
	@Test
	void moreSendsAtOnceThanTheFrameBudgetAreAllAnsweredOnAnOpenSocket() {
		User alice = AUTH.newUser("alice");
		String chatId = createChat(alice, null, AUTH.newUser("bob")).path("id").asString();
		try (WsClient socket = WsClient.ready(this.port, alice.token())) {
			for (int i = 0; i < 120; i++) {
				socket.send(frame(chatId, Map.of("text", "message " + i, "clientMessageId", "burst-" + i)));
			}

			await().atMost(BOUND).until(() -> socket.ofType("sent").size() == 120);
			assertThat(socket.closeCode).isNull();
			assertThat(get("/api/chats/" + chatId + "/messages?limit=200", alice.id()).json()).hasSize(120);
		}
	}

	/**
	 * auth-service's notice closes the session's sockets at once: here the session check
	 * would still find the session alive, so only the notice can close it.
	 */
	@Test
	void theLongestMessageFullyEscapedArrivesInPartsAndIsStoredWhole() {
		User alice = AUTH.newUser("alice");
		String chatId = createChat(alice, null, AUTH.newUser("bob")).path("id").asString();
		String clientMessageId = UUID.randomUUID().toString();
		// 4,000 characters, each written as a six-character escape: three times Tomcat's
		// per-socket buffer
		String frame = "{\"type\":\"send\",\"chatId\":\"" + chatId + "\",\"clientMessageId\":\"" + clientMessageId
				+ "\",\"text\":\"" + "\\u00e9".repeat(MessageService.MAX_TEXT) + "\"}";
		assertThat(frame.length()).isGreaterThan(2 * 8 * 1024);
		try (WsClient socket = WsClient.ready(this.port, alice.token())) {
			socket.send(frame);

			JsonNode sent = answer(socket, clientMessageId);
			assertThat(sent.path("type").asString()).as(sent.toString()).isEqualTo("sent");
			assertThat(sent.path("message").path("text").asString())
				.isEqualTo("\u00e9".repeat(MessageService.MAX_TEXT));
			assertThat(socket.closeCode).isNull();
		}
	}

	@Test
	void aSessionEndNoticeClosesThatSessionsSocketsAndNoOthers() throws Exception {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		try (WsClient aliceSocket = WsClient.ready(this.port, alice.token());
				WsClient bobSocket = WsClient.ready(this.port, bob.token())) {
			this.redis.convertAndSend("carrier:auth:sessions-ended", sha256(alice.token()));

			await().atMost(BOUND).until(() -> aliceSocket.closeCode != null);
			assertThat(aliceSocket.closeCode).isEqualTo(4401);
			assertThat(bobSocket.closeCode).isNull();
		}
	}

	private static String frame(String chatId, Map<String, Object> body) {
		Map<String, Object> frame = new LinkedHashMap<>();
		frame.put("type", "send");
		frame.put("chatId", chatId);
		frame.putAll(body);
		return JSON.writeValueAsString(frame);
	}

	private static JsonNode answerTo(WsClient socket, String chatId, Map<String, Object> body) {
		socket.send(frame(chatId, body));
		return answer(socket, (String) body.get("clientMessageId"));
	}

	private static JsonNode answer(WsClient socket, String clientMessageId) {
		await().atMost(BOUND).until(() -> !answers(socket, clientMessageId).isEmpty());
		List<JsonNode> answers = answers(socket, clientMessageId);
		return answers.get(answers.size() - 1);
	}

	/** The answers to the sends of this clientMessageId (null: sends that had none). */
	private static List<JsonNode> answers(WsClient socket, String clientMessageId) {
		return socket.frames.stream()
			.filter((frame) -> List.of("sent", "send.failed").contains(frame.path("type").asString()))
			.filter((frame) -> (clientMessageId == null) ? frame.path("clientMessageId").isNull()
					: clientMessageId.equals(frame.path("clientMessageId").asString()))
			.toList();
	}

	private static String sha256(String token) throws Exception {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
	}

}
