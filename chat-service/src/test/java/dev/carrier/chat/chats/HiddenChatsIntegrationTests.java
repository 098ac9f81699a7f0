package dev.carrier.chat.chats;

import java.time.Duration;
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
 * {@code PUT /api/chats/{chatId}/hidden} on real Redis and Kafka: a direct chat leaves
 * the hider's list (only theirs) until its next message, durable before the answer, told
 * to their other sessions, and kept through a reload.
 */
class HiddenChatsIntegrationTests extends IntegrationTestSupport {

	@Autowired
	StringRedisTemplate redis;

	@Test
	void aHiddenDirectChatLeavesOnlyTheHidersListUntilItsNextMessage() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		String chatId = createChat(alice, null, bob).path("id").asString();
		send(chatId, bob, "hello");

		try (KafkaProbe probe = new KafkaProbe(this.bootstrap, Topics.CHAT_HIDDEN);
				WsClient alicesOtherTab = WsClient.ready(this.port, alice.token())) {
			assertThat(hide(alice, chatId, true).status()).isEqualTo(204);

			List<ConsumerRecord<String, String>> records = await().atMost(Duration.ofSeconds(20))
				.until(() -> probe.withKey(chatId), (found) -> found.size() == 1);
			JsonNode event = JSON.readTree(records.get(0).value());
			assertThat(event.path("userId").asString()).isEqualTo(alice.id());
			assertThat(event.path("hidden").asBoolean()).isTrue();
			assertThat(event.path("hiddenSeq").asLong()).isEqualTo(1);
			await().atMost(Duration.ofSeconds(10)).until(() -> alicesOtherTab.hasType("chat.hidden"));
			assertThat(alicesOtherTab.ofType("chat.hidden").get(0).path("chatId").asString()).isEqualTo(chatId);
		}
		assertThat(listed(alice, chatId)).isFalse();
		assertThat(listed(bob, chatId)).isTrue();
		assertThat(get("/api/chats/" + chatId, alice.id()).status()).as("still reachable by its link").isEqualTo(200);

		send(chatId, bob, "are you there?");
		assertThat(listed(alice, chatId)).isTrue();
	}

	@Test
	void showingAHiddenChatBringsItBackAndAReloadKeepsItHidden() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		String chatId = createChat(alice, null, bob).path("id").asString();
		assertThat(hide(alice, chatId, true).status()).isEqualTo(204);
		assertThat(listed(alice, chatId)).isFalse();
		assertThat(hide(alice, chatId, false).status()).isEqualTo(204);
		assertThat(listed(alice, chatId)).isTrue();

		assertThat(hide(alice, chatId, true).status()).isEqualTo(204);
		PERSISTENCE.putChat(CachedChats.durableCopy(this.redis, chatId));
		CachedChats.lose(this.redis, chatId);
		assertThat(listed(alice, chatId)).isFalse();
		assertThat(listed(bob, chatId)).isTrue();
	}

	@Test
	void aGroupCannotBeHiddenAStrangerGets404AndABadBodyIs400() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		User eve = AUTH.newUser("eve");
		String direct = createChat(alice, null, bob).path("id").asString();
		String group = createChat(alice, "Council", bob, AUTH.newUser("cat")).path("id").asString();

		assertThat(hide(alice, group, true).status()).isEqualTo(400);
		assertThat(hide(eve, direct, true).status()).isEqualTo(404);
		assertThat(hide(alice, UUID.randomUUID().toString(), true).status()).isEqualTo(404);
		for (String body : List.of("{}", "{\"hidden\":\"yes\"}", "[]", "{\"hidden\":null}")) {
			Reply reply = call("PUT", "/api/chats/" + direct + "/hidden", alice.id(), body);
			assertThat(reply.status()).as(body).isEqualTo(400);
			assertThat(reply.contentType()).startsWith("application/problem+json");
		}
		assertThat(listed(alice, direct)).isTrue();
		assertThat(listed(alice, group)).isTrue();
	}

	private Reply hide(User user, String chatId, boolean hidden) {
		return call("PUT", "/api/chats/" + chatId + "/hidden", user.id(),
				JSON.writeValueAsString(Map.of("hidden", hidden)));
	}

	private boolean listed(User user, String chatId) {
		for (JsonNode row : get("/api/chats", user.id()).json()) {
			if (row.path("chat").path("id").asString().equals(chatId)) {
				return true;
			}
		}
		return false;
	}

}
