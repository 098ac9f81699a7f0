package dev.carrier.chat.messages;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.carrier.chat.RedisKeys;
import dev.carrier.chat.events.Topics;
import dev.carrier.chat.support.IntegrationTestSupport;
import dev.carrier.chat.support.KafkaProbe;
import dev.carrier.chat.support.StubAuthService.User;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class MessagesIntegrationTests extends IntegrationTestSupport {

	@Autowired
	StringRedisTemplate redis;

	@Test
	void messagesFlowBothWaysInSeqOrder() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		String chatId = createChat(alice, null, bob).path("id").asString();

		JsonNode first = send(chatId, alice, "  hello bob  ");
		JsonNode second = send(chatId, bob, "hi alice");

		assertThat(first.path("seq").asLong()).isEqualTo(1);
		assertThat(first.path("text").asString()).isEqualTo("hello bob");
		assertThat(first.path("deleted").asBoolean()).isFalse();
		assertThat(second.path("seq").asLong()).isEqualTo(2);
		JsonNode page = get("/api/chats/" + chatId + "/messages", alice.id()).json();
		assertThat(seqs(page)).containsExactly(1L, 2L);
		assertThat(page.get(1).path("senderId").asString()).isEqualTo(bob.id());
		assertThat(seqs(get("/api/chats/" + chatId + "/messages?afterSeq=1", bob.id()).json())).containsExactly(2L);
		assertThat(seqs(get("/api/chats/" + chatId + "/messages?beforeSeq=2", bob.id()).json())).containsExactly(1L);
	}

	@Test
	void retryWithTheSameClientMessageIdReturnsTheSameMessageStoredOnce() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		String chatId = createChat(alice, null, bob).path("id").asString();
		Map<String, String> body = Map.of("text", "once", "clientMessageId", "client-1");

		Reply first = post("/api/chats/" + chatId + "/messages", alice.id(), body);
		Reply retry = post("/api/chats/" + chatId + "/messages", alice.id(), body);

		assertThat(first.status()).isEqualTo(201);
		assertThat(retry.status()).isEqualTo(201);
		assertThat(retry.json().path("message")).isEqualTo(first.json().path("message"));
		assertThat(this.redis.opsForList().size(RedisKeys.messages(chatId))).isEqualTo(1);
		assertThat(seqs(get("/api/chats/" + chatId + "/messages", bob.id()).json())).containsExactly(1L);
	}

	@Test
	void sentMessageReachesKafkaKeyedByChat() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		String chatId = createChat(alice, null, bob).path("id").asString();
		try (KafkaProbe probe = new KafkaProbe(this.bootstrap, Topics.MESSAGE_SENT)) {
			JsonNode message = send(chatId, alice, "durable");

			List<ConsumerRecord<String, String>> records = await().atMost(Duration.ofSeconds(20))
				.until(() -> probe.withKey(chatId), list -> !list.isEmpty());
			JsonNode event = JSON.readTree(records.get(0).value());
			assertThat(event.path("eventId").asString()).isNotEmpty();
			assertThat(event.path("occurredAt").asString()).isNotEmpty();
			assertThat(event.path("message").path("id").asString()).isEqualTo(message.path("id").asString());
			assertThat(event.path("message").path("seq").asLong()).isEqualTo(1);
			assertThat(event.path("message").path("clientMessageId").asString()).isNotEmpty();
		}
	}

	@Test
	void badInputIsA4xxProblemNeverA5xx() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		String chatId = createChat(alice, null, bob).path("id").asString();
		send(chatId, alice, "one");
		String base = "/api/chats/" + chatId;

		List<Reply> replies = List.of(post(base + "/messages", alice.id(), "{\"text\": \"unterminated"),
				post(base + "/messages", alice.id(), "{\"text\": {\"a\": 1}, \"clientMessageId\": \"x\"}"),
				post(base + "/messages", alice.id(), Map.of("text", "no client id")),
				post(base + "/messages", alice.id(), Map.of("text", "   ", "clientMessageId", "c")),
				post(base + "/messages", alice.id(), Map.of("text", "x".repeat(4001), "clientMessageId", "c")),
				post(base + "/messages", alice.id(), Map.of("text", "x", "clientMessageId", "c".repeat(65))),
				post(base + "/messages", alice.id(), "[]"), post(base + "/read", alice.id(), Map.of("seq", 2)),
				post(base + "/read", alice.id(), Map.of("seq", -1)),
				post(base + "/read", alice.id(), "{\"seq\": \"abc\"}"), post(base + "/read", alice.id(), "{}"),
				get(base + "/messages?limit=0", alice.id()), get(base + "/messages?limit=201", alice.id()),
				get(base + "/messages?limit=abc", alice.id()), get(base + "/messages?beforeSeq=0", alice.id()),
				get(base + "/messages?beforeSeq=1&afterSeq=1", alice.id()),
				get(base + "/export?format=xml", alice.id()), get("/api/chats/not-a-uuid", alice.id()),
				delete(base + "/messages/not-a-uuid", alice.id()), call("PUT", "/api/chats", alice.id(), "{}"),
				call(this.port, "POST", base + "/messages", alice.id(), "text", "text/plain"),
				post("/api/chats", alice.id(), Map.of("members", "bob")), post("/api/chats", alice.id(), "{}"));

		for (Reply reply : replies) {
			assertThat(reply.status()).as(reply.raw().request().uri() + " " + reply.body()).isBetween(400, 499);
			assertThat(reply.contentType()).as(reply.body()).startsWith("application/problem+json");
			assertThat(reply.json().path("status").asInt()).isEqualTo(reply.status());
			assertThat(reply.json().path("title").asString()).isNotEmpty();
			assertThat(reply.body()).doesNotContain("Exception");
		}
		assertThat(seqs(get(base + "/messages", alice.id()).json())).containsExactly(1L);
	}

	@Test
	void ownMessagesAreDeletedAsTombstonesOthersAre404() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		String chatId = createChat(alice, null, bob).path("id").asString();
		String mine = send(chatId, alice, "oops").path("id").asString();
		String theirs = send(chatId, bob, "keep").path("id").asString();
		String base = "/api/chats/" + chatId + "/messages/";

		try (KafkaProbe probe = new KafkaProbe(this.bootstrap, Topics.MESSAGE_DELETED)) {
			assertThat(delete(base + theirs, alice.id()).status()).isEqualTo(404);
			assertThat(delete(base + UUID.randomUUID(), alice.id()).status()).isEqualTo(404);
			assertThat(delete(base + mine, alice.id()).status()).isEqualTo(204);

			JsonNode page = get("/api/chats/" + chatId + "/messages", bob.id()).json();
			assertThat(page.get(0).path("deleted").asBoolean()).isTrue();
			assertThat(page.get(0).path("text").asString()).isEmpty();
			assertThat(page.get(1).path("deleted").asBoolean()).isFalse();
			List<ConsumerRecord<String, String>> records = await().atMost(Duration.ofSeconds(20))
				.until(() -> probe.withKey(chatId), list -> !list.isEmpty());
			assertThat(JSON.readTree(records.get(0).value()).path("messageId").asString()).isEqualTo(mine);
		}
	}

	@Test
	void exportGivesTheWholeHistoryAsJsonOrText() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		String chatId = createChat(alice, null, bob).path("id").asString();
		send(chatId, alice, "hello");
		String gone = send(chatId, bob, "regret").path("id").asString();
		delete("/api/chats/" + chatId + "/messages/" + gone, bob.id());

		Reply json = get("/api/chats/" + chatId + "/export?format=json", alice.id());
		Reply text = get("/api/chats/" + chatId + "/export?format=txt", bob.id());

		assertThat(json.status()).isEqualTo(200);
		assertThat(json.raw().headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
		assertThat(seqs(json.json())).containsExactly(1L, 2L);
		assertThat(text.status()).isEqualTo(200);
		String[] lines = text.body().split("\n");
		assertThat(lines).hasSize(2);
		assertThat(lines[0])
			.matches("\\[\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC\\] " + alice.username() + ": hello");
		assertThat(lines[1]).endsWith(bob.username() + ": (deleted)");
	}

	@Test
	void readPositionOnlyMovesForward() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		String chatId = createChat(alice, null, bob).path("id").asString();
		send(chatId, alice, "1");
		send(chatId, alice, "2");
		send(chatId, alice, "3");

		assertThat(post("/api/chats/" + chatId + "/read", bob.id(), Map.of("seq", 3)).status()).isEqualTo(204);
		assertThat(post("/api/chats/" + chatId + "/read", bob.id(), Map.of("seq", 1)).status()).isEqualTo(204);

		assertThat(this.redis.opsForHash().get(RedisKeys.read(chatId), bob.id())).isEqualTo("3");
		assertThat(post("/api/chats/" + chatId + "/read", bob.id(), Map.of("seq", 4)).status()).isEqualTo(400);
	}

	@Test
	void pagesRedisHoldsStillWorkWhenPersistenceIsDown() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		String chatId = createChat(alice, null, bob).path("id").asString();
		send(chatId, alice, "1");
		send(chatId, bob, "2");
		String evicted = createChat(alice, null, AUTH.newUser("carol")).path("id").asString();
		this.redis.delete(List.of(RedisKeys.chat(evicted), RedisKeys.members(evicted)));
		PERSISTENCE.setDown(true);
		try {
			assertThat(seqs(get("/api/chats/" + chatId + "/messages", bob.id()).json())).containsExactly(1L, 2L);
			assertThat(send(chatId, bob, "3").path("seq").asLong()).isEqualTo(3);

			Reply unavailable = get("/api/chats/" + evicted + "/messages", alice.id());
			assertThat(unavailable.status()).isEqualTo(503);
			assertThat(unavailable.contentType()).startsWith("application/problem+json");
		}
		finally {
			PERSISTENCE.setDown(false);
		}
	}

}
