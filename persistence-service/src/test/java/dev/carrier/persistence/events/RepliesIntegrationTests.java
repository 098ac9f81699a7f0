package dev.carrier.persistence.events;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.awaitility.Awaitility;
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
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import static dev.carrier.persistence.events.EventConsumersIntegrationTests.chatChanged;
import static dev.carrier.persistence.events.EventConsumersIntegrationTests.messageDeleted;
import static dev.carrier.persistence.events.EventConsumersIntegrationTests.messageSent;
import static dev.carrier.persistence.events.MessageEditsIntegrationTests.messageEdited;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reply's {@code replyToId} from message-sent into MySQL, and out again in history and
 * snapshots as the original is now.
 */
@IntegrationTest
class RepliesIntegrationTests {

	private static final Instant T0 = Instant.parse("2026-11-25T10:00:00.123456Z");

	/** 130 chars: the excerpt is its first 120. */
	private static final String LONG_TEXT = "0123456789".repeat(13);

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
	void aReplyShowsItsOriginalInHistoryAndSnapshots() {
		String chatId = Ids.random();
		String alice = Ids.random();
		String bob = Ids.random();
		String original = Ids.random();
		String reply = Ids.random();
		this.kafka.awaitConsumed(
				this.kafka.send(Topics.CHAT_CHANGED, chatId, chatChanged(chatId, "group", "Team", alice, bob)));
		this.kafka.send(Topics.MESSAGE_SENT, chatId, messageSent(chatId, original, 1, alice, LONG_TEXT));
		this.kafka.awaitConsumed(
				this.kafka.send(Topics.MESSAGE_SENT, chatId, reply(chatId, reply, 2, bob, "agreed", original)));

		for (JsonNode messages : pageAndSnapshot(chatId)) {
			assertThat(messages.get(0).get("replyTo").isNull()).isTrue();
			JsonNode replyTo = messages.get(1).get("replyTo");
			assertThat(replyTo.properties()).hasSize(5);
			assertThat(replyTo.get("id").asString()).isEqualTo(original);
			assertThat(replyTo.get("seq").asLong()).isEqualTo(1);
			assertThat(replyTo.get("senderId").asString()).isEqualTo(alice);
			assertThat(replyTo.get("excerpt").asString()).isEqualTo(LONG_TEXT.substring(0, 120));
			assertThat(replyTo.get("deleted").asBoolean()).isFalse();
			assertThat(messages.get(1).get("text").asString()).isEqualTo("agreed");
		}
	}

	@Test
	void anEditedOriginalShowsItsNewTextInItsReplies() {
		String chatId = Ids.random();
		String alice = Ids.random();
		String original = Ids.random();
		this.kafka.awaitConsumed(this.kafka.send(Topics.CHAT_CHANGED, chatId,
				chatChanged(chatId, "group", "Team", alice, Ids.random())));
		this.kafka.send(Topics.MESSAGE_SENT, chatId, messageSent(chatId, original, 1, alice, "tpyo"));
		this.kafka.awaitConsumed(
				this.kafka.send(Topics.MESSAGE_SENT, chatId, reply(chatId, Ids.random(), 2, alice, "sic", original)));
		this.kafka.awaitConsumed(this.kafka.send(Topics.MESSAGE_EDITED, chatId,
				messageEdited(chatId, original, alice, "typo", T0.plusSeconds(60))));

		for (JsonNode messages : pageAndSnapshot(chatId)) {
			assertThat(messages.get(1).at("/replyTo/excerpt").asString()).isEqualTo("typo");
			assertThat(messages.get(1).at("/replyTo/deleted").asBoolean()).isFalse();
		}
	}

	@Test
	void aDeletedOriginalShowsAsDeletedWithoutItsText() {
		String chatId = Ids.random();
		String alice = Ids.random();
		String original = Ids.random();
		this.kafka.awaitConsumed(this.kafka.send(Topics.CHAT_CHANGED, chatId,
				chatChanged(chatId, "group", "Team", alice, Ids.random())));
		this.kafka.send(Topics.MESSAGE_SENT, chatId, messageSent(chatId, original, 1, alice, "regrettable"));
		this.kafka.awaitConsumed(
				this.kafka.send(Topics.MESSAGE_SENT, chatId, reply(chatId, Ids.random(), 2, alice, "what?", original)));
		this.kafka
			.awaitConsumed(this.kafka.send(Topics.MESSAGE_DELETED, chatId, messageDeleted(chatId, original, 1, alice)));

		for (JsonNode messages : pageAndSnapshot(chatId)) {
			JsonNode replyTo = messages.get(1).get("replyTo");
			assertThat(replyTo.get("id").asString()).isEqualTo(original);
			assertThat(replyTo.get("deleted").asBoolean()).isTrue();
			assertThat(replyTo.get("excerpt").asString()).isEmpty();
		}
	}

	@Test
	void aReplyWhoseDeletionArrivedFirstGetsItsOriginalWhenTheSendArrives() {
		String chatId = Ids.random();
		String alice = Ids.random();
		String original = Ids.random();
		String reply = Ids.random();
		this.kafka.awaitConsumed(this.kafka.send(Topics.CHAT_CHANGED, chatId,
				chatChanged(chatId, "group", "Team", alice, Ids.random())));
		this.kafka.awaitConsumed(
				this.kafka.send(Topics.MESSAGE_SENT, chatId, messageSent(chatId, original, 1, alice, "question")));
		this.kafka
			.awaitConsumed(this.kafka.send(Topics.MESSAGE_DELETED, chatId, messageDeleted(chatId, reply, 2, alice)));
		assertThat(replyToId(reply)).isNull();

		this.kafka.awaitConsumed(
				this.kafka.send(Topics.MESSAGE_SENT, chatId, reply(chatId, reply, 2, alice, "answer", original)));
		assertThat(replyToId(reply)).isEqualTo(original);
		// a later write without it (the same delete again) keeps it
		this.kafka
			.awaitConsumed(this.kafka.send(Topics.MESSAGE_DELETED, chatId, messageDeleted(chatId, reply, 2, alice)));
		assertThat(replyToId(reply)).isEqualTo(original);

		JsonNode tombstone = pageAndSnapshot(chatId).get(0).get(1);
		assertThat(tombstone.get("deleted").asBoolean()).isTrue();
		assertThat(tombstone.get("text").asString()).isEmpty();
		// a tombstone shows nothing of what it said, its quote included
		assertThat(tombstone.get("replyTo").isNull()).isTrue();
	}

	private String replyToId(String messageId) {
		return this.jdbc.queryForObject("SELECT reply_to_id FROM messages WHERE id = ?", String.class, messageId);
	}

	/** The chat's history page and its snapshot's recent messages. */
	private List<JsonNode> pageAndSnapshot(String chatId) {
		JsonNode page = this.json.readTree(this.http.get("/internal/chats/" + chatId + "/messages").getBody());
		JsonNode snapshot = this.json.readTree(snapshot(this.http, chatId).getBody())
			.get("chats")
			.get(0)
			.get("recentMessages");
		return List.of(page, snapshot);
	}

	/**
	 * The snapshot once the consumers are proven current: other test classes' events may
	 * keep them busy for a while, and until then the answer is a 503.
	 */
	static ResponseEntity<String> snapshot(Http http, String... chatIds) {
		List<ResponseEntity<String>> answer = new ArrayList<>();
		Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
			ResponseEntity<String> response = http.postJson("/internal/snapshots",
					"{\"chatIds\":[\"" + String.join("\",\"", chatIds) + "\"]}");
			answer.add(response);
			return response.getStatusCode().value() != 503;
		});
		ResponseEntity<String> response = answer.getLast();
		assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
		return response;
	}

	static String reply(String chatId, String messageId, long seq, String sender, String text, String replyToId) {
		return """
				{"eventId":"%s","occurredAt":"%s","message":{"id":"%s","chatId":"%s","seq":%d,"senderId":"%s",
				"text":"%s","sentAt":"%s","clientMessageId":"client-%d","replyToId":"%s"}}
				""".formatted(Ids.random(), T0, messageId, chatId, seq, sender, text, T0.plusSeconds(seq), seq,
				replyToId);
	}

}
