package dev.carrier.chat.messages;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.carrier.chat.RedisKeys;
import dev.carrier.chat.events.Topics;
import dev.carrier.chat.support.CachedChats;
import dev.carrier.chat.support.IntegrationTestSupport;
import dev.carrier.chat.support.KafkaProbe;
import dev.carrier.chat.support.StubAuthService.User;
import dev.carrier.chat.support.StubPersistenceService;
import dev.carrier.chat.support.WsClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code PATCH /api/chats/{chatId}/messages/{messageId}} on real Redis and Kafka.
 */
class MessageEditsIntegrationTests extends IntegrationTestSupport {

	private static final Duration BOUND = Duration.ofSeconds(20);

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	EditStore edits;

	@Test
	void anEditIsInKafkaBeforeItsAnswerThenPagedAndPushedToEveryMember() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		String chatId = createChat(alice, null, bob).path("id").asString();
		JsonNode sent = send(chatId, alice, "helo bob");
		assertThat(sent.path("editedAt").isNull()).isTrue();

		try (KafkaProbe probe = new KafkaProbe(this.bootstrap, Topics.MESSAGE_EDITED);
				WsClient ws = WsClient.ready(this.port, bob.token())) {
			Instant before = Instant.now().minusSeconds(1);
			Reply reply = patch(chatId, sent.path("id").asString(), alice, "  hello bob  ");

			assertThat(reply.status()).as(reply.body()).isEqualTo(200);
			JsonNode edited = reply.json().path("message");
			assertThat(edited.path("text").asString()).isEqualTo("hello bob");
			assertThat(edited.path("seq").asLong()).isEqualTo(1);
			assertThat(edited.path("sentAt").asString()).isEqualTo(sent.path("sentAt").asString());
			assertThat(Instant.parse(edited.path("editedAt").asString())).isAfter(before);
			// durable before the answer: the event is already on the topic
			List<ConsumerRecord<String, String>> records = await().atMost(BOUND)
				.until(() -> probe.withKey(chatId), list -> !list.isEmpty());
			JsonNode event = JSON.readTree(records.get(0).value());
			assertThat(event.path("messageId").asString()).isEqualTo(sent.path("id").asString());
			assertThat(event.path("text").asString()).isEqualTo("hello bob");
			assertThat(event.path("seq").asLong()).isEqualTo(1);
			assertThat(event.path("senderId").asString()).isEqualTo(alice.id());
			assertThat(event.path("editedAt").asString()).isNotEmpty();
			await().atMost(BOUND).until(() -> ws.hasType("message.updated"));
			assertThat(ws.ofType("message.updated").get(0).path("message")).isEqualTo(edited);
			JsonNode page = get("/api/chats/" + chatId + "/messages", bob.id()).json();
			assertThat(page.get(0)).isEqualTo(edited);
		}
	}

	@Test
	void aRetriedEditAnswersTheSameEdit() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		String chatId = createChat(alice, null, bob).path("id").asString();
		String messageId = send(chatId, alice, "first").path("id").asString();

		JsonNode once = patch(chatId, messageId, alice, "second").json().path("message");
		JsonNode again = patch(chatId, messageId, alice, "second").json().path("message");

		assertThat(again).isEqualTo(once);
		assertThat(get("/api/chats/" + chatId + "/messages", alice.id()).json()).containsExactly(once);
	}

	@Test
	void onlyTheSendersLiveMessageCanBeEditedAnythingElseIs404() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		User eve = AUTH.newUser("eve");
		String chatId = createChat(alice, null, bob).path("id").asString();
		String mine = send(chatId, alice, "mine").path("id").asString();
		String theirs = send(chatId, bob, "theirs").path("id").asString();
		String gone = send(chatId, alice, "gone").path("id").asString();
		assertThat(delete("/api/chats/" + chatId + "/messages/" + gone, alice.id()).status()).isEqualTo(204);

		List<Reply> replies = List.of(patch(chatId, theirs, alice, "x"), patch(chatId, gone, alice, "x"),
				patch(chatId, UUID.randomUUID().toString(), alice, "x"), patch(chatId, "not-a-uuid", alice, "x"),
				patch(chatId, mine, eve, "x"), patch(UUID.randomUUID().toString(), mine, alice, "x"),
				patch(chatId.toUpperCase(), mine, alice, "x"));

		for (Reply reply : replies) {
			assertThat(reply.status()).as(reply.raw().request().uri() + " " + reply.body()).isEqualTo(404);
			assertThat(reply.contentType()).startsWith("application/problem+json");
		}
		JsonNode page = get("/api/chats/" + chatId + "/messages", bob.id()).json();
		assertThat(page.get(0).path("text").asString()).isEqualTo("mine");
		assertThat(page.get(1).path("text").asString()).isEqualTo("theirs");
		assertThat(page.get(2).path("deleted").asBoolean()).isTrue();
		page.forEach((message) -> assertThat(message.path("editedAt").isNull()).isTrue());
	}

	@Test
	void badTextIsA400ProblemAndChangesNothing() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		String chatId = createChat(alice, null, bob).path("id").asString();
		String messageId = send(chatId, alice, "keep").path("id").asString();
		String path = "/api/chats/" + chatId + "/messages/" + messageId;

		List<Reply> replies = List.of(patch(chatId, messageId, alice, "   "),
				patch(chatId, messageId, alice, "x".repeat(4001)), call("PATCH", path, alice.id(), "{}"),
				call("PATCH", path, alice.id(), "{\"text\": 5"), call("PATCH", path, alice.id(), "[]"),
				call("PATCH", path, alice.id(), "{\"text\": {\"a\": 1}}"));

		for (Reply reply : replies) {
			assertThat(reply.status()).as(reply.body()).isEqualTo(400);
			assertThat(reply.contentType()).startsWith("application/problem+json");
			assertThat(reply.json().path("detail").asString()).isNotEmpty();
			assertThat(reply.body()).doesNotContain("Exception");
		}
		JsonNode stored = get("/api/chats/" + chatId + "/messages", alice.id()).json().get(0);
		assertThat(stored.path("text").asString()).isEqualTo("keep");
		assertThat(stored.path("editedAt").isNull()).isTrue();
	}

	@Test
	void anEditOfAChatTheCacheLostReloadsTheChatFirst() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		String chatId = createChat(alice, null, bob).path("id").asString();
		String messageId = send(chatId, alice, "before the loss").path("id").asString();
		PERSISTENCE.putChat(CachedChats.durableCopy(this.redis, chatId));
		CachedChats.lose(this.redis, chatId);

		Reply reply = patch(chatId, messageId, alice, "after the reload");

		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		JsonNode page = get("/api/chats/" + chatId + "/messages", bob.id()).json();
		assertThat(page.get(0).path("text").asString()).isEqualTo("after the reload");
		assertThat(page.get(0).path("editedAt").asString())
			.isEqualTo(reply.json().path("message").path("editedAt").asString());
	}

	@Test
	void aMessageOlderThanTheCachedListIsEditedFromMySqlPublishedAndPushed() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		String chatId = createChat(alice, null, bob).path("id").asString();
		String old = send(chatId, alice, "old words").path("id").asString();
		String bobs = send(chatId, bob, "bob's old words").path("id").asString();
		send(chatId, alice, "newest");
		StubPersistenceService.DurableChat durable = CachedChats.durableCopy(this.redis, chatId);
		durable.recentMessages().forEach(PERSISTENCE::store);
		// the reload installs only the newest message: the older two are MySQL's alone
		PERSISTENCE.putChat(durable.withLastSeq(3, List.of(durable.recentMessages().get(2))));
		CachedChats.lose(this.redis, chatId);

		try (KafkaProbe probe = new KafkaProbe(this.bootstrap, Topics.MESSAGE_EDITED);
				WsClient ws = WsClient.ready(this.port, bob.token())) {
			assertThat(patch(chatId, bobs, alice, "not mine").status()).isEqualTo(404);
			Reply reply = patch(chatId, old, alice, "old words, edited");

			assertThat(reply.status()).as(reply.body()).isEqualTo(200);
			JsonNode edited = reply.json().path("message");
			assertThat(edited.path("seq").asLong()).isEqualTo(1);
			assertThat(edited.path("text").asString()).isEqualTo("old words, edited");
			assertThat(this.redis.opsForList().size(RedisKeys.messages(chatId))).isEqualTo(1);
			List<ConsumerRecord<String, String>> records = await().atMost(BOUND)
				.until(() -> probe.withKey(chatId), list -> !list.isEmpty());
			assertThat(records).hasSize(1);
			assertThat(JSON.readTree(records.get(0).value()).path("messageId").asString()).isEqualTo(old);
			await().atMost(BOUND).until(() -> ws.hasType("message.updated"));
			assertThat(ws.ofType("message.updated").get(0).path("message")).isEqualTo(edited);
		}
	}

	@Test
	void anEditCheckedAgainstAnIncarnationTheCacheLostIsNeitherWrittenNorPushed() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		String chatId = createChat(alice, null, bob).path("id").asString();
		String messageId = send(chatId, alice, "as sent").path("id").asString();
		EditStore.Lookup lookup = this.edits.find(chatId, messageId, alice.id());
		assertThat(lookup.found()).isEqualTo(EditStore.Found.CACHED);

		try (WsClient ws = WsClient.ready(this.port, bob.token())) {
			// a reload in between gave the chat another generation
			Message late = lookup.message().edited("too late", Instant.now(), List.of());
			assertThat(this.edits.apply(chatId, messageId, "7", late, "hint\n" + bob.id() + "\n{}"))
				.isEqualTo(EditStore.Applied.STALE);
			CachedChats.lose(this.redis, chatId);
			assertThat(this.edits.apply(chatId, messageId, lookup.generation(), late, "hint\n" + bob.id() + "\n{}"))
				.isEqualTo(EditStore.Applied.STALE);
			assertThat(this.edits.find(chatId, messageId, alice.id()).found()).isEqualTo(EditStore.Found.NO_CHAT);
			assertThat(ws.frames).noneMatch((frame) -> frame.toString().contains("too late"));
		}
	}

	private Reply patch(String chatId, String messageId, User editor, String text) {
		return call("PATCH", "/api/chats/" + chatId + "/messages/" + messageId, editor.id(),
				JSON.writeValueAsString(Map.of("text", text)));
	}

}
