package dev.carrier.chat.messages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.carrier.chat.events.Topics;
import dev.carrier.chat.support.CachedChats;
import dev.carrier.chat.support.IntegrationTestSupport;
import dev.carrier.chat.support.KafkaProbe;
import dev.carrier.chat.support.StubAuthService.User;
import dev.carrier.chat.support.WsClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Replies ({@code replyTo} on a send) and emoji reactions ({@code PUT/DELETE
 * .../reactions/{emoji}}) on real Redis and Kafka: durable before the answer, pushed,
 * kept through a reload, and refused with 400 or 404 without a trace.
 */
class RepliesAndReactionsIntegrationTests extends IntegrationTestSupport {

	private static final Duration BOUND = Duration.ofSeconds(20);

	@Autowired
	StringRedisTemplate redis;

	@Test
	void aReplyQuotesItsOriginalWhoseEditAndDeletionTheQuoteFollows() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		String chatId = createChat(alice, null, bob).path("id").asString();
		JsonNode original = send(chatId, alice, "Who is there?");

		try (KafkaProbe probe = new KafkaProbe(this.bootstrap, Topics.MESSAGE_SENT)) {
			Reply reply = reply(chatId, bob, "Nay, answer me", original.path("id").asString());

			assertThat(reply.status()).as(reply.body()).isEqualTo(201);
			JsonNode quote = reply.json().path("message").path("replyTo");
			assertThat(quote.path("id").asString()).isEqualTo(original.path("id").asString());
			assertThat(quote.path("seq").asLong()).isEqualTo(1);
			assertThat(quote.path("senderId").asString()).isEqualTo(alice.id());
			assertThat(quote.path("excerpt").asString()).isEqualTo("Who is there?");
			assertThat(quote.path("deleted").asBoolean()).isFalse();
			List<ConsumerRecord<String, String>> sent = await().atMost(BOUND)
				.until(() -> probe.withKey(chatId), (records) -> records.size() == 1);
			assertThat(JSON.readTree(sent.get(0).value()).path("message").path("replyToId").asString())
				.isEqualTo(original.path("id").asString());
		}
		assertThat(call("PATCH", "/api/chats/" + chatId + "/messages/" + original.path("id").asString(), alice.id(),
				"{\"text\":\"" + "Long live the king! ".repeat(10) + "\"}")
			.status()).isEqualTo(200);
		JsonNode afterEdit = page(chatId, bob).get(1).path("replyTo");
		assertThat(afterEdit.path("excerpt").asString()).hasSize(Quote.EXCERPT).startsWith("Long live the king!");

		assertThat(delete("/api/chats/" + chatId + "/messages/" + original.path("id").asString(), alice.id()).status())
			.isEqualTo(204);
		JsonNode afterDelete = page(chatId, bob).get(1).path("replyTo");
		assertThat(afterDelete.path("deleted").asBoolean()).isTrue();
		assertThat(afterDelete.path("excerpt").asString()).isEmpty();
	}

	/**
	 * The message a send answers with is the one every reader and every socket gets. The
	 * answer is built from what was sent and the seq the append took rather than read
	 * back from Redis, so this holds the two to the same form: a quote, a mention, and
	 * text that JSON has to escape.
	 */
	@Test
	void theMessageASendAnswersIsTheMessageReadersAndSocketsGet() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		String chatId = createChat(alice, null, bob).path("id").asString();
		JsonNode original = send(chatId, alice, "Who's there?");

		try (WsClient ws = WsClient.ready(this.port, alice.token())) {
			String text = "@" + alice.username() + " \"Nay\", answer me / stand \\ unfold yourself \u2028 ✓ 😀";
			Reply reply = reply(chatId, bob, text, original.path("id").asString());

			assertThat(reply.status()).as(reply.body()).isEqualTo(201);
			JsonNode answered = reply.json().path("message");
			assertThat(answered.path("text").asString()).isEqualTo(text);
			assertThat(answered.path("mentions")).hasSize(1);
			assertThat(answered.path("replyTo").path("id").asString()).isEqualTo(original.path("id").asString());
			assertThat(page(chatId, alice).get(1)).isEqualTo(answered);
			await().atMost(BOUND).until(() -> ws.ofType("message.created").size() == 1);
			assertThat(ws.ofType("message.created").get(0).path("message")).isEqualTo(answered);
		}
	}

	@Test
	void aReplyToAnythingButALiveMessageOfTheChatIs400AndAStrangerGets404() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		User eve = AUTH.newUser("eve");
		String chatId = createChat(alice, null, bob).path("id").asString();
		String otherChat = createChat(alice, null, eve).path("id").asString();
		String elsewhere = send(otherChat, alice, "elsewhere").path("id").asString();
		String gone = send(chatId, alice, "gone").path("id").asString();
		assertThat(delete("/api/chats/" + chatId + "/messages/" + gone, alice.id()).status()).isEqualTo(204);

		for (String replyTo : List.of(elsewhere, gone, UUID.randomUUID().toString(), "not-an-id", "")) {
			Reply reply = reply(chatId, bob, "answer", replyTo);
			assertThat(reply.status()).as(replyTo + " " + reply.body()).isEqualTo(400);
			assertThat(reply.contentType()).startsWith("application/problem+json");
		}
		Reply stranger = reply(chatId, eve, "answer", gone);
		assertThat(stranger.status()).isEqualTo(404);
		assertThat(page(chatId, alice)).hasSize(1);
	}

	@Test
	void reactionsAreInKafkaBeforeTheAnswerOnePerPersonPerEmojiAndPushedAsTheyStand() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		String chatId = createChat(alice, null, bob).path("id").asString();
		String messageId = send(chatId, alice, "To be, or not to be").path("id").asString();

		try (KafkaProbe probe = new KafkaProbe(this.bootstrap, Topics.REACTION_CHANGED);
				WsClient ws = WsClient.ready(this.port, alice.token())) {
			assertThat(react("PUT", chatId, messageId, bob, "👍").status()).isEqualTo(204);
			List<ConsumerRecord<String, String>> first = await().atMost(BOUND)
				.until(() -> probe.withKey(chatId), (records) -> records.size() == 1);
			JsonNode event = JSON.readTree(first.get(0).value());
			assertThat(event.path("messageId").asString()).isEqualTo(messageId);
			assertThat(event.path("userId").asString()).isEqualTo(bob.id());
			assertThat(event.path("emoji").asString()).isEqualTo("👍");
			assertThat(event.path("present").asBoolean()).isTrue();

			assertThat(react("PUT", chatId, messageId, bob, "👍").status()).isEqualTo(204);
			assertThat(react("PUT", chatId, messageId, alice, "👍").status()).isEqualTo(204);
			assertThat(react("PUT", chatId, messageId, bob, "👨‍👩‍👧").status()).isEqualTo(204);
			assertThat(react("DELETE", chatId, messageId, bob, "👍").status()).isEqualTo(204);
			assertThat(react("DELETE", chatId, messageId, bob, "👍").status()).isEqualTo(204);

			// the repeated PUT and DELETE published nothing
			await().atMost(BOUND).until(() -> probe.withKey(chatId), (records) -> records.size() == 4);
			JsonNode reactions = page(chatId, bob).get(0).path("reactions");
			assertThat(reactions).hasSize(2);
			assertThat(reactions.get(0).path("emoji").asString()).isEqualTo("👍");
			assertThat(reactions.get(0).path("count").asInt()).isEqualTo(1);
			assertThat(reactions.get(0).path("userIds").get(0).asString()).isEqualTo(alice.id());
			assertThat(reactions.get(1).path("emoji").asString()).isEqualTo("👨‍👩‍👧");
			await().atMost(BOUND).until(() -> ws.ofType("message.updated").size() == 4);
			List<JsonNode> pushes = ws.ofType("message.updated");
			assertThat(pushes.get(3).path("message")).isEqualTo(page(chatId, bob).get(0));
			assertThat(pushes.get(0).path("message").path("reactions").get(0).path("count").asInt()).isEqualTo(1);
		}
	}

	@Test
	void aReactionThatIsNoSingleEmojiOrOneTooManyIs400AndChangesNothing() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		String chatId = createChat(alice, null, bob).path("id").asString();
		String messageId = send(chatId, alice, "react").path("id").asString();
		List<String> twenty = "😀 😁 😂 🤣 😃 😄 😅 😆 😉 😊 😋 😎 😍 😘 🥰 😗 😙 😚 🙂 🤗".lines()
			.flatMap((line) -> List.of(line.split(" ")).stream())
			.toList();
		for (String emoji : twenty) {
			assertThat(react("PUT", chatId, messageId, bob, emoji).status()).as(emoji).isEqualTo(204);
		}

		for (String bad : List.of("x", "👍👍", "abc", "1", "👍 ", "🤔")) {
			Reply reply = react("PUT", chatId, messageId, alice, bad);
			assertThat(reply.status()).as(bad + " " + reply.body()).isEqualTo(400);
			assertThat(reply.contentType()).startsWith("application/problem+json");
		}
		assertThat(react("PUT", chatId, messageId, alice, "😀").status()).isEqualTo(204);
		assertThat(react("DELETE", chatId, messageId, alice, "abc").status()).isEqualTo(204);
		JsonNode reactions = page(chatId, alice).get(0).path("reactions");
		assertThat(reactions).hasSize(20);
		assertThat(reactions.get(0).path("count").asInt()).isEqualTo(2);
	}

	@Test
	void aStrangerADeletedOrUnknownMessageGet404() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		User eve = AUTH.newUser("eve");
		String chatId = createChat(alice, null, bob).path("id").asString();
		String messageId = send(chatId, alice, "mine").path("id").asString();
		String gone = send(chatId, alice, "gone").path("id").asString();
		assertThat(react("PUT", chatId, gone, bob, "👍").status()).isEqualTo(204);
		assertThat(delete("/api/chats/" + chatId + "/messages/" + gone, alice.id()).status()).isEqualTo(204);

		List<Reply> replies = List.of(react("PUT", chatId, messageId, eve, "👍"),
				react("DELETE", chatId, messageId, eve, "👍"), react("PUT", chatId, gone, bob, "👍"),
				react("PUT", chatId, UUID.randomUUID().toString(), bob, "👍"),
				react("PUT", chatId, "not-an-id", bob, "👍"),
				react("PUT", UUID.randomUUID().toString(), messageId, bob, "👍"));

		for (Reply reply : replies) {
			assertThat(reply.status()).as(reply.raw().request().uri() + " " + reply.body()).isEqualTo(404);
			assertThat(reply.contentType()).startsWith("application/problem+json");
		}
		JsonNode page = page(chatId, alice);
		assertThat(page.get(0).path("reactions")).isEmpty();
		assertThat(page.get(1).path("deleted").asBoolean()).isTrue();
		assertThat(page.get(1).path("reactions")).isEmpty();
	}

	@Test
	void repliesAndReactionsComeBackWithAReloadedChat() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		String chatId = createChat(alice, null, bob).path("id").asString();
		String original = send(chatId, alice, "original").path("id").asString();
		assertThat(reply(chatId, bob, "answer", original).status()).isEqualTo(201);
		assertThat(react("PUT", chatId, original, bob, "🎉").status()).isEqualTo(204);
		JsonNode before = page(chatId, alice);
		PERSISTENCE.putChat(CachedChats.durableCopy(this.redis, chatId));
		CachedChats.lose(this.redis, chatId);

		assertThat(page(chatId, alice)).isEqualTo(before);
		// and the reloaded entries take further changes
		assertThat(react("DELETE", chatId, original, bob, "🎉").status()).isEqualTo(204);
		assertThat(page(chatId, alice).get(0).path("reactions")).isEmpty();
		assertThat(react("PUT", chatId, original, alice, "🎉").status()).isEqualTo(204);
		assertThat(page(chatId, bob).get(0).path("reactions").get(0).path("count").asInt()).isEqualTo(1);
	}

	private JsonNode page(String chatId, User reader) {
		return get("/api/chats/" + chatId + "/messages", reader.id()).json();
	}

	private Reply reply(String chatId, User sender, String text, String replyTo) {
		Map<String, Object> body = new HashMap<>();
		body.put("text", text);
		body.put("clientMessageId", UUID.randomUUID().toString());
		body.put("replyTo", replyTo);
		return post("/api/chats/" + chatId + "/messages", sender.id(), body);
	}

	private Reply react(String method, String chatId, String messageId, User user, String emoji) {
		return call(method, "/api/chats/" + chatId + "/messages/" + messageId + "/reactions/"
				+ URLEncoder.encode(emoji, StandardCharsets.UTF_8).replace("+", "%20"), user.id(), null);
	}

}
