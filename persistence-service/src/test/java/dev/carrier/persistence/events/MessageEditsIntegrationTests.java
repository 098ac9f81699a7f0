package dev.carrier.persistence.events;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import org.apache.kafka.clients.producer.RecordMetadata;
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
import org.springframework.jdbc.core.JdbcTemplate;

import static dev.carrier.persistence.events.EventConsumersIntegrationTests.chatChanged;
import static dev.carrier.persistence.events.EventConsumersIntegrationTests.messageDeleted;
import static dev.carrier.persistence.events.EventConsumersIntegrationTests.messageSent;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code carrier.chat.message-edited} into MySQL, and out again in history and snapshots.
 */
@IntegrationTest
class MessageEditsIntegrationTests {

	private static final Instant T1 = Instant.parse("2026-11-25T11:00:00.250Z");

	private static final Instant T2 = T1.plusSeconds(60);

	@LocalServerPort
	int port;

	@Autowired
	KafkaEvents kafka;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JsonMapper json;

	Http http;

	@BeforeEach
	void client() {
		this.http = new Http(this.port);
	}

	@Test
	void theLatestEditWinsWhateverOrderItsEventsArriveIn() {
		String chatId = Ids.random();
		String messageId = Ids.random();
		String sender = Ids.random();
		RecordMetadata sent = this.kafka.send(Topics.MESSAGE_SENT, chatId,
				messageSent(chatId, messageId, 1, sender, "tpyo"));
		this.kafka.send(Topics.MESSAGE_EDITED, chatId, messageEdited(chatId, messageId, sender, "second", T2));
		RecordMetadata late = this.kafka.send(Topics.MESSAGE_EDITED, chatId,
				messageEdited(chatId, messageId, sender, "first", T1));
		this.kafka.awaitConsumed(late);
		this.kafka.awaitConsumed(sent);

		Map<String, Object> row = row(messageId);
		assertThat(row).containsEntry("text", "second").containsEntry("deleted", false);
		assertThat(utc(row.get("edited_at"))).isEqualTo(T2);
	}

	@Test
	void anEditBeforeItsMessageKeepsTheEditedTextWhenTheSendArrives() {
		String chatId = Ids.random();
		String messageId = Ids.random();
		String sender = Ids.random();
		this.kafka.awaitConsumed(
				this.kafka.send(Topics.MESSAGE_EDITED, chatId, messageEdited(chatId, messageId, sender, "fixed", T1)));
		this.kafka.awaitConsumed(
				this.kafka.send(Topics.MESSAGE_SENT, chatId, messageSent(chatId, messageId, 1, sender, "tpyo")));

		Map<String, Object> row = row(messageId);
		assertThat(row).containsEntry("text", "fixed");
		assertThat(row.get("sent_at")).isNotNull();
		assertThat(utc(row.get("edited_at"))).isEqualTo(T1);
	}

	@Test
	void anEditNeverRevivesADeletedMessage() {
		String chatId = Ids.random();
		String messageId = Ids.random();
		String sender = Ids.random();
		this.kafka.awaitConsumed(
				this.kafka.send(Topics.MESSAGE_SENT, chatId, messageSent(chatId, messageId, 1, sender, "secret")));
		this.kafka.awaitConsumed(
				this.kafka.send(Topics.MESSAGE_DELETED, chatId, messageDeleted(chatId, messageId, 1, sender)));
		this.kafka.awaitConsumed(this.kafka.send(Topics.MESSAGE_EDITED, chatId,
				messageEdited(chatId, messageId, sender, "still secret", T1)));

		assertThat(row(messageId)).containsEntry("text", "").containsEntry("deleted", true);
	}

	@Test
	void historyAndSnapshotsShowTheEditedTextAndItsTime() {
		String chatId = Ids.random();
		String sender = Ids.random();
		String edited = Ids.random();
		this.kafka.awaitConsumed(this.kafka.send(Topics.CHAT_CHANGED, chatId,
				chatChanged(chatId, "group", "Team", sender, Ids.random())));
		this.kafka.send(Topics.MESSAGE_SENT, chatId, messageSent(chatId, edited, 1, sender, "tpyo"));
		this.kafka.awaitConsumed(
				this.kafka.send(Topics.MESSAGE_SENT, chatId, messageSent(chatId, Ids.random(), 2, sender, "plain")));
		this.kafka.awaitConsumed(
				this.kafka.send(Topics.MESSAGE_EDITED, chatId, messageEdited(chatId, edited, sender, "typo", T1)));

		JsonNode page = this.json.readTree(this.http.get("/internal/chats/" + chatId + "/messages").getBody());
		JsonNode snapshot = this.json
			.readTree(this.http.postJson("/internal/snapshots", "{\"chatIds\":[\"" + chatId + "\"]}").getBody())
			.get("chats")
			.get(0)
			.get("recentMessages");

		for (JsonNode messages : new JsonNode[] { page, snapshot }) {
			assertThat(messages.get(0).get("text").asString()).isEqualTo("typo");
			assertThat(Instant.parse(messages.get(0).get("editedAt").asString())).isEqualTo(T1);
			assertThat(messages.get(1).get("text").asString()).isEqualTo("plain");
			assertThat(messages.get(1).get("editedAt").isNull()).isTrue();
		}
	}

	@Test
	void anEditWithoutTextGoesToTheDeadLetterTopic() {
		String chatId = Ids.random();
		this.kafka.send(Topics.MESSAGE_EDITED, chatId, """
				{"eventId":"%s","occurredAt":"%s","chatId":"%s","messageId":"%s","seq":1,"senderId":"x",
				"editedAt":"%s"}
				""".formatted(Ids.random(), T1, chatId, Ids.random(), T1));

		assertThat(this.kafka.awaitDeadLetter(Topics.deadLetter(Topics.MESSAGE_EDITED), chatId).key())
			.isEqualTo(chatId);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM messages WHERE chat_id = ?", Long.class, chatId))
			.isZero();
	}

	private Map<String, Object> row(String messageId) {
		return this.jdbc.queryForMap("SELECT text, deleted, sent_at, edited_at FROM messages WHERE id = ?", messageId);
	}

	private static Instant utc(Object dateTime) {
		return ((LocalDateTime) dateTime).toInstant(ZoneOffset.UTC);
	}

	static String messageEdited(String chatId, String messageId, String sender, String text, Instant editedAt) {
		return """
				{"eventId":"%s","occurredAt":"%s","chatId":"%s","messageId":"%s","seq":1,"senderId":"%s",
				"text":"%s","editedAt":"%s"}
				""".formatted(Ids.random(), editedAt, chatId, messageId, sender, text, editedAt);
	}

}
