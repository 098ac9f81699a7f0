package dev.carrier.persistence.events;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.carrier.persistence.support.Http;
import dev.carrier.persistence.support.Ids;
import dev.carrier.persistence.support.IntegrationTest;
import dev.carrier.persistence.support.KafkaEvents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.carrier.persistence.events.EventConsumersIntegrationTests.chatChanged;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * System lines ("alice added cat", "bob left") from message-sent into MySQL and out in
 * history and snapshots, in their place among the messages; a person's message has none,
 * and an empty text is refused for anything but a system line.
 */
@IntegrationTest
class SystemLinesIntegrationTests {

	private static final Instant T0 = Instant.parse("2026-11-25T10:00:00.123Z");

	@LocalServerPort
	int port;

	@Autowired
	KafkaEvents kafka;

	@Autowired
	JsonMapper json;

	Http http;

	@BeforeEach
	void client() {
		this.http = new Http(this.port);
	}

	@Test
	void systemLinesAreKeptInTheirPlaceInHistoryAndSnapshots() {
		String chatId = Ids.random();
		String alice = Ids.random();
		String bob = Ids.random();
		String cat = Ids.random();
		String dan = Ids.random();
		this.kafka.awaitConsumed(
				this.kafka.send(Topics.CHAT_CHANGED, chatId, chatChanged(chatId, "group", "Team", alice, bob, cat)));
		this.kafka.send(Topics.MESSAGE_SENT, chatId,
				EventConsumersIntegrationTests.messageSent(chatId, Ids.random(), 1, bob, "hello"));
		this.kafka.send(Topics.MESSAGE_SENT, chatId,
				line(chatId, 2, alice,
						"{\"type\":\"member.added\",\"userIds\":[\"" + dan + "\",\"" + cat + "\"],\"names\":{\"" + alice
								+ "\":\"alice\",\"" + dan + "\":\"dan\",\"" + cat + "\":\"cat\"}}"));
		this.kafka.awaitConsumed(this.kafka.send(Topics.MESSAGE_SENT, chatId,
				line(chatId, 3, bob, "{\"type\":\"member.left\",\"userIds\":[\"" + bob + "\"]}")));

		for (JsonNode messages : List.of(
				this.json.readTree(this.http.get("/internal/chats/" + chatId + "/messages").getBody()),
				this.json.readTree(RepliesIntegrationTests.snapshot(this.http, chatId).getBody())
					.get("chats")
					.get(0)
					.get("recentMessages"))) {
			assertThat(messages).hasSize(3);
			assertThat(messages.get(0).get("system").isNull()).isTrue();
			assertThat(messages.get(1).get("senderId").asString()).isEqualTo(alice);
			assertThat(messages.get(1).get("text").asString()).isEmpty();
			assertThat(messages.get(1).get("system").get("type").asString()).isEqualTo("member.added");
			assertThat(messages.get(1).get("system").get("userIds")).extracting(JsonNode::asString)
				.containsExactly(dan, cat);
			assertThat(messages.get(1).get("system").get("names").get(alice).asString()).isEqualTo("alice");
			assertThat(messages.get(1).get("system").get("names").get(cat).asString()).isEqualTo("cat");
			assertThat(messages.get(2).get("system").get("names").isEmpty()).isTrue();
			assertThat(messages.get(2).get("system").get("type").asString()).isEqualTo("member.left");
			assertThat(messages.get(2).get("system").get("userIds")).extracting(JsonNode::asString)
				.containsExactly(bob);
		}
	}

	@Test
	void anEmptyTextIsASystemLineOrRefused() {
		MessageSent line = this.json.readValue(
				line(Ids.random(), 1, Ids.random(), "{\"type\":\"member.left\",\"userIds\":[\"x\"]}"),
				MessageSent.class);
		line.requireComplete();
		MessageSent empty = this.json.readValue(
				EventConsumersIntegrationTests.messageSent(Ids.random(), Ids.random(), 1, Ids.random(), ""),
				MessageSent.class);
		org.assertj.core.api.Assertions.assertThatThrownBy(empty::requireComplete).isInstanceOf(EventUnreadable.class);
	}

	private static String line(String chatId, long seq, String actor, String system) {
		return """
				{"eventId":"%s","occurredAt":"%s","message":{"id":"%s","chatId":"%s","seq":%d,"senderId":"%s",
				"text":"","sentAt":"%s","clientMessageId":"system:%s","system":%s}}
				""".formatted(Ids.random(), T0, Ids.random(), chatId, seq, actor, T0.plusSeconds(seq), Ids.random(),
				system);
	}

}
