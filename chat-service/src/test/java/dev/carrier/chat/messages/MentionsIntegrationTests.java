package dev.carrier.chat.messages;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.carrier.chat.events.Topics;
import dev.carrier.chat.support.CachedChats;
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

/**
 * {@code @username} mentions on real Redis and Kafka: members by id in the order named,
 * recomputed by an edit, kept through a reload, and counted apart in the chat list while
 * unread.
 */
class MentionsIntegrationTests extends IntegrationTestSupport {

	@Autowired
	StringRedisTemplate redis;

	@Test
	void aMessageMentionsTheMembersItNamesInOrderAndKafkaCarriesThem() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		User cat = AUTH.newUser("cat");
		User eve = AUTH.newUser("eve");
		String chatId = createChat(alice, "Elsinore", bob, cat).path("id").asString();

		try (KafkaProbe probe = new KafkaProbe(this.bootstrap, Topics.MESSAGE_SENT)) {
			JsonNode sent = send(chatId, alice,
					"@" + cat.username().toUpperCase() + ". and @" + bob.username() + ", not @" + eve.username()
							+ " nor mail@" + bob.username() + " nor @nobody_at_all, and @" + cat.username() + " again");

			assertThat(sent.path("mentions")).extracting(JsonNode::asString).containsExactly(cat.id(), bob.id());
			List<ConsumerRecord<String, String>> records = await().atMost(Duration.ofSeconds(20))
				.until(() -> probe.withKey(chatId), (found) -> found.size() == 1);
			assertThat(JSON.readTree(records.get(0).value()).path("message").path("mentions"))
				.extracting(JsonNode::asString)
				.containsExactly(cat.id(), bob.id());
		}
		assertThat(send(chatId, alice, "no one named, just an @ sign").path("mentions")).isEmpty();
	}

	@Test
	void theChatListCountsUnreadMentionsUntilReadAndAnEditRecountsThem() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		User cat = AUTH.newUser("cat");
		String chatId = createChat(alice, "Elsinore", bob, cat).path("id").asString();
		String first = send(chatId, alice, "@" + bob.username() + " look").path("id").asString();
		send(chatId, alice, "@" + bob.username() + " and @" + cat.username() + " look again");
		send(chatId, alice, "plain words");

		assertThat(row(bob, chatId).path("mentions").asLong()).isEqualTo(2);
		assertThat(row(bob, chatId).path("unread").asLong()).isEqualTo(3);
		assertThat(row(cat, chatId).path("mentions").asLong()).isEqualTo(1);
		assertThat(row(alice, chatId).path("mentions").asLong()).isZero();

		assertThat(call("PATCH", "/api/chats/" + chatId + "/messages/" + first, alice.id(),
				JSON.writeValueAsString(Map.of("text", "@" + cat.username() + " look")))
			.json()
			.path("message")
			.path("mentions")).extracting(JsonNode::asString).containsExactly(cat.id());
		assertThat(row(bob, chatId).path("mentions").asLong()).isEqualTo(1);
		assertThat(row(cat, chatId).path("mentions").asLong()).isEqualTo(2);

		assertThat(post("/api/chats/" + chatId + "/read", bob.id(), Map.of("seq", 2)).status()).isEqualTo(204);
		assertThat(row(bob, chatId).path("mentions").asLong()).isZero();
		assertThat(row(bob, chatId).path("unread").asLong()).isEqualTo(1);
	}

	@Test
	void mentionsComeBackWithAReloadedChat() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		String chatId = createChat(alice, null, bob).path("id").asString();
		send(chatId, alice, "hello @" + bob.username());
		JsonNode before = get("/api/chats/" + chatId + "/messages", bob.id()).json();
		PERSISTENCE.putChat(CachedChats.durableCopy(this.redis, chatId));
		CachedChats.lose(this.redis, chatId);

		assertThat(get("/api/chats/" + chatId + "/messages", bob.id()).json()).isEqualTo(before);
		assertThat(row(bob, chatId).path("mentions").asLong()).isEqualTo(1);
	}

	private JsonNode row(User reader, String chatId) {
		for (JsonNode row : get("/api/chats", reader.id()).json()) {
			if (row.path("chat").path("id").asString().equals(chatId)) {
				return row;
			}
		}
		throw new AssertionError("chat " + chatId + " is not in " + reader.username() + "'s list");
	}

}
