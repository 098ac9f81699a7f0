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
import static dev.carrier.persistence.events.EventConsumersIntegrationTests.messageDeleted;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ids a message mentions, from message-sent and message-edited into MySQL and out in
 * history and snapshots: the latest edit's list wins in any order, a tombstone has none.
 */
@IntegrationTest
class MentionsIntegrationTests {

	private static final Instant T0 = Instant.parse("2026-11-25T10:00:00.123456Z");

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
	void mentionsFollowTheLatestEditInAnyOrderAndLeaveWithADeletion() {
		String chatId = Ids.random();
		String alice = Ids.random();
		String bob = Ids.random();
		String cat = Ids.random();
		String first = Ids.random();
		String second = Ids.random();
		this.kafka.awaitConsumed(
				this.kafka.send(Topics.CHAT_CHANGED, chatId, chatChanged(chatId, "group", "Team", alice, bob, cat)));
		this.kafka.send(Topics.MESSAGE_SENT, chatId, sent(chatId, first, 1, alice, List.of(cat, bob)));
		this.kafka.send(Topics.MESSAGE_SENT, chatId, sent(chatId, second, 2, alice, List.of(bob)));
		// the newer edit of the first message arrives before the older one
		this.kafka.send(Topics.MESSAGE_EDITED, chatId, edited(chatId, first, alice, List.of(bob), T0.plusSeconds(90)));
		this.kafka.send(Topics.MESSAGE_EDITED, chatId, edited(chatId, first, alice, List.of(cat), T0.plusSeconds(60)));
		this.kafka
			.awaitConsumed(this.kafka.send(Topics.MESSAGE_DELETED, chatId, messageDeleted(chatId, second, 2, alice)));

		for (JsonNode messages : List.of(
				this.json.readTree(this.http.get("/internal/chats/" + chatId + "/messages").getBody()),
				this.json.readTree(RepliesIntegrationTests.snapshot(this.http, chatId).getBody())
					.get("chats")
					.get(0)
					.get("recentMessages"))) {
			assertThat(messages.get(0).get("mentions")).extracting(JsonNode::asString).containsExactly(bob);
			assertThat(messages.get(1).get("mentions")).isEmpty();
		}
	}

	@Test
	void aSendWithoutMentionsShowsNone() {
		String chatId = Ids.random();
		String alice = Ids.random();
		this.kafka.awaitConsumed(
				this.kafka.send(Topics.CHAT_CHANGED, chatId, chatChanged(chatId, "direct", null, alice, Ids.random())));
		this.kafka.awaitConsumed(this.kafka.send(Topics.MESSAGE_SENT, chatId,
				EventConsumersIntegrationTests.messageSent(chatId, Ids.random(), 1, alice, "plain")));

		JsonNode page = this.json.readTree(this.http.get("/internal/chats/" + chatId + "/messages").getBody());
		assertThat(page.get(0).get("mentions").isArray()).isTrue();
		assertThat(page.get(0).get("mentions")).isEmpty();
	}

	private static String sent(String chatId, String messageId, long seq, String sender, List<String> mentions) {
		return """
				{"eventId":"%s","occurredAt":"%s","message":{"id":"%s","chatId":"%s","seq":%d,"senderId":"%s",
				"text":"hello","sentAt":"%s","clientMessageId":"client-%d","mentions":%s}}
				""".formatted(Ids.random(), T0, messageId, chatId, seq, sender, T0.plusSeconds(seq), seq,
				ids(mentions));
	}

	private static String edited(String chatId, String messageId, String sender, List<String> mentions,
			Instant editedAt) {
		return """
				{"eventId":"%s","occurredAt":"%s","chatId":"%s","messageId":"%s","seq":1,"senderId":"%s",
				"text":"edited at %s","editedAt":"%s","mentions":%s}
				""".formatted(Ids.random(), editedAt, chatId, messageId, sender, editedAt, editedAt, ids(mentions));
	}

	private static String ids(List<String> ids) {
		return ids.stream().map((id) -> "\"" + id + "\"").toList().toString().replace(" ", "");
	}

}
