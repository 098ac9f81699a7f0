package dev.carrier.chat.messages;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
 * "alice added cat" and "bob left" are lines of the conversation: messages with a seq in
 * their place, carried by Kafka to MySQL like any message, kept through a reload, in the
 * export, and never edited, deleted, quoted or reacted to.
 */
class SystemLinesIntegrationTests extends IntegrationTestSupport {

	@Autowired
	StringRedisTemplate redis;

	@Test
	void addingMembersAndLeavingAreLinesOfTheConversationInTheirPlace() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		User cat = AUTH.newUser("cat");
		User dan = AUTH.newUser("dan");
		User eve = AUTH.newUser("eve");
		String chatId = createChat(alice, "Elsinore", bob, cat).path("id").asString();
		send(chatId, bob, "before");

		try (KafkaProbe probe = new KafkaProbe(this.bootstrap, Topics.MESSAGE_SENT)) {
			assertThat(post("/api/chats/" + chatId + "/members", alice.id(),
					Map.of("members", List.of(dan.username(), eve.username())))
				.status()).isEqualTo(200);
			assertThat(delete("/api/chats/" + chatId + "/members/me", bob.id()).status()).isEqualTo(204);

			List<ConsumerRecord<String, String>> records = await().atMost(Duration.ofSeconds(20))
				.until(() -> probe.withKey(chatId), (found) -> found.size() == 2);
			JsonNode added = JSON.readTree(records.get(0).value()).path("message");
			assertThat(added.path("senderId").asString()).isEqualTo(alice.id());
			assertThat(added.path("text").asString()).isEmpty();
			assertThat(added.path("system").path("type").asString()).isEqualTo("member.added");
			assertThat(added.path("system").path("userIds")).extracting(JsonNode::asString)
				.containsExactly(dan.id(), eve.id());
		}

		JsonNode page = get("/api/chats/" + chatId + "/messages", dan.id()).json();
		assertThat(seqs(page)).containsExactly(1L, 2L, 3L);
		assertThat(page.get(0).path("system").isNull()).isTrue();
		assertThat(page.get(1).path("system").path("type").asString()).isEqualTo("member.added");
		assertThat(page.get(2).path("senderId").asString()).isEqualTo(bob.id());
		assertThat(page.get(2).path("system").path("type").asString()).isEqualTo("member.left");
		assertThat(page.get(2).path("system").path("userIds")).extracting(JsonNode::asString).containsExactly(bob.id());
		// the names then, for a reader who no longer knows bob once he is gone
		assertThat(page.get(2).path("system").path("names").path(bob.id()).asString()).isEqualTo(bob.username());
		assertThat(page.get(1).path("system").path("names").path(alice.id()).asString()).isEqualTo(alice.username());
		// who acted has read up to their own line; the others have every line unread
		assertThat(unread(alice, chatId)).isEqualTo(1);
		assertThat(unread(cat, chatId)).isEqualTo(3);
	}

	@Test
	void aSystemLineIsNeitherEditedNorDeletedNorQuotedNorReactedTo() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		User cat = AUTH.newUser("cat");
		User dan = AUTH.newUser("dan");
		String chatId = createChat(alice, "Elsinore", bob, cat).path("id").asString();
		post("/api/chats/" + chatId + "/members", alice.id(), Map.of("members", List.of(dan.username())));
		String line = get("/api/chats/" + chatId + "/messages", alice.id()).json().get(0).path("id").asString();
		String path = "/api/chats/" + chatId + "/messages/" + line;

		assertThat(call("PATCH", path, alice.id(), JSON.writeValueAsString(Map.of("text", "I did not"))).status())
			.isEqualTo(404);
		assertThat(delete(path, alice.id()).status()).isEqualTo(404);
		assertThat(call("PUT", path + "/reactions/%F0%9F%91%8D", bob.id(), null).status()).isEqualTo(404);
		assertThat(post("/api/chats/" + chatId + "/messages", bob.id(),
				Map.of("text", "quoting it", "clientMessageId", UUID.randomUUID().toString(), "replyTo", line))
			.status()).isEqualTo(400);
		assertThat(get("/api/chats/" + chatId + "/messages", alice.id()).json()
			.get(0)
			.path("system")
			.path("type")
			.asString()).isEqualTo("member.added");
	}

	@Test
	void systemLinesComeBackWithAReloadedChatAndAreInTheExport() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		User cat = AUTH.newUser("cat");
		User dan = AUTH.newUser("dan");
		String chatId = createChat(alice, "Elsinore", bob, cat).path("id").asString();
		post("/api/chats/" + chatId + "/members", alice.id(), Map.of("members", List.of(dan.username())));
		delete("/api/chats/" + chatId + "/members/me", cat.id());
		JsonNode before = get("/api/chats/" + chatId + "/messages", bob.id()).json();
		PERSISTENCE.putChat(CachedChats.durableCopy(this.redis, chatId));
		CachedChats.lose(this.redis, chatId);

		assertThat(get("/api/chats/" + chatId + "/messages", bob.id()).json()).isEqualTo(before);
		String text = get("/api/chats/" + chatId + "/export?format=txt", bob.id()).body();
		assertThat(text).contains("] " + alice.username() + " added " + dan.username() + "\n")
			.contains("] " + cat.username() + " left\n");
	}

	private long unread(User reader, String chatId) {
		for (JsonNode row : get("/api/chats", reader.id()).json()) {
			if (row.path("chat").path("id").asString().equals(chatId)) {
				return row.path("unread").asLong();
			}
		}
		throw new AssertionError("chat " + chatId + " is not in " + reader.username() + "'s list");
	}

}
