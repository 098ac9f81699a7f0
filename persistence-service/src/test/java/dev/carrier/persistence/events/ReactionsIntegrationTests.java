package dev.carrier.persistence.events;

import java.time.Instant;
import java.util.List;

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
import static dev.carrier.persistence.events.RepliesIntegrationTests.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code carrier.chat.reaction-changed} into MySQL (the latest change wins, in any order,
 * any number of times), and out again in history and snapshots.
 */
@IntegrationTest
class ReactionsIntegrationTests {

	private static final Instant T0 = Instant.parse("2026-11-25T12:00:00.001Z");

	private static final String THUMBS_UP = "\uD83D\uDC4D";

	/** The same thumb with a skin tone: a Unicode collation may take it for the other. */
	private static final String THUMBS_UP_MEDIUM = "\uD83D\uDC4D\uD83C\uDFFD";

	private static final String HEART = "\u2764\uFE0F";

	/** The heart without its variation selector, which a Unicode collation ignores. */
	private static final String HEART_TEXT = "\u2764";

	/** A ZWJ sequence: man, ZWJ, woman, ZWJ, girl. */
	private static final String FAMILY = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";

	@LocalServerPort
	int port;

	@Autowired
	KafkaEvents kafka;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JsonMapper json;

	Http http;

	String chatId;

	String sender;

	@BeforeEach
	void aChat() {
		this.http = new Http(this.port);
		this.chatId = Ids.random();
		this.sender = Ids.random();
		this.kafka.awaitConsumed(this.kafka.send(Topics.CHAT_CHANGED, this.chatId,
				chatChanged(this.chatId, "group", "Team", this.sender, Ids.random())));
	}

	@Test
	void reactionsAreCountedPerEmojiInTheOrderTheyWereFirstGiven() {
		String message = send(1);
		String alice = Ids.random();
		String bob = Ids.random();
		String carol = Ids.random();
		react(message, alice, THUMBS_UP, true, T0);
		react(message, bob, HEART, true, T0.plusMillis(1));
		react(message, carol, THUMBS_UP, true, T0.plusMillis(2));
		react(message, bob, THUMBS_UP_MEDIUM, true, T0.plusMillis(3));
		react(message, alice, HEART_TEXT, true, T0.plusMillis(4));
		this.kafka.awaitConsumed(react(message, carol, FAMILY, true, T0.plusMillis(5)));

		for (JsonNode messages : pageAndSnapshot()) {
			JsonNode reactions = messages.get(0).get("reactions");
			assertThat(emojis(reactions)).containsExactly(THUMBS_UP, HEART, THUMBS_UP_MEDIUM, HEART_TEXT, FAMILY);
			assertThat(reactions.get(0).properties()).hasSize(3);
			assertThat(reactions.get(0).get("count").asInt()).isEqualTo(2);
			assertThat(users(reactions.get(0))).containsExactly(alice, carol);
			assertThat(reactions.get(1).get("count").asInt()).isEqualTo(1);
			assertThat(users(reactions.get(1))).containsExactly(bob);
			assertThat(users(reactions.get(3))).containsExactly(alice);
		}
	}

	@Test
	void aRemovedReactionDisappearsAndAReAddedOneComesLast() {
		String message = send(1);
		String alice = Ids.random();
		String bob = Ids.random();
		react(message, alice, THUMBS_UP, true, T0);
		react(message, bob, THUMBS_UP, true, T0.plusMillis(1));
		react(message, bob, HEART, true, T0.plusMillis(2));
		this.kafka.awaitConsumed(react(message, alice, THUMBS_UP, false, T0.plusMillis(3)));

		JsonNode reactions = page().get(0).get("reactions");
		assertThat(emojis(reactions)).containsExactly(THUMBS_UP, HEART);
		assertThat(users(reactions.get(0))).containsExactly(bob);

		this.kafka.awaitConsumed(react(message, bob, THUMBS_UP, false, T0.plusMillis(4)));
		assertThat(emojis(page().get(0).get("reactions"))).containsExactly(HEART);

		// the thumb is given again, after the heart: it now comes second, alice alone
		this.kafka.awaitConsumed(react(message, alice, THUMBS_UP, true, T0.plusMillis(5)));
		for (JsonNode messages : pageAndSnapshot()) {
			reactions = messages.get(0).get("reactions");
			assertThat(emojis(reactions)).containsExactly(HEART, THUMBS_UP);
			assertThat(users(reactions.get(1))).containsExactly(alice);
		}
	}

	@Test
	void anOlderChangeArrivingLaterAndTheSameChangeTwiceChangeNothing() {
		String message = send(1);
		String alice = Ids.random();
		String bob = Ids.random();
		String added = reaction(message, alice, THUMBS_UP, true, T0);
		this.kafka.send(Topics.REACTION_CHANGED, this.chatId, added);
		react(message, alice, THUMBS_UP, false, T0.plusMillis(10));
		// late: the add from before the removal, and the very same add again
		react(message, alice, THUMBS_UP, true, T0.plusMillis(5));
		this.kafka.send(Topics.REACTION_CHANGED, this.chatId, added);
		react(message, bob, HEART, true, T0.plusMillis(20));
		react(message, bob, HEART, false, T0.plusMillis(15));
		this.kafka.awaitConsumed(this.kafka.send(Topics.REACTION_CHANGED, this.chatId, added));

		assertThat(this.jdbc.queryForList("SELECT present FROM message_reactions WHERE message_id = ? AND user_id = ?",
				Boolean.class, message, alice))
			.containsExactly(false);
		for (JsonNode messages : pageAndSnapshot()) {
			JsonNode reactions = messages.get(0).get("reactions");
			assertThat(emojis(reactions)).containsExactly(HEART);
			assertThat(users(reactions.get(0))).containsExactly(bob);
		}
	}

	@Test
	void aDeletedMessageShowsNoReactionsAndAMessageWithoutAnyAnEmptyList() {
		String doomed = send(1);
		send(2);
		this.kafka.awaitConsumed(react(doomed, Ids.random(), THUMBS_UP, true, T0));
		assertThat(emojis(page().get(0).get("reactions"))).containsExactly(THUMBS_UP);

		this.kafka.awaitConsumed(this.kafka.send(Topics.MESSAGE_DELETED, this.chatId,
				messageDeleted(this.chatId, doomed, 1, this.sender)));

		for (JsonNode messages : pageAndSnapshot()) {
			assertThat(messages.get(0).get("deleted").asBoolean()).isTrue();
			assertThat(messages.get(0).get("reactions").isArray()).isTrue();
			assertThat(messages.get(0).get("reactions")).isEmpty();
			assertThat(messages.get(1).get("reactions").isArray()).isTrue();
			assertThat(messages.get(1).get("reactions")).isEmpty();
		}
	}

	@Test
	void aReactionWithoutEmojiOrPresenceGoesToTheDeadLetterTopic() {
		String message = Ids.random();
		this.kafka.send(Topics.REACTION_CHANGED, this.chatId,
				"""
						{"eventId":"%s","occurredAt":"%s","chatId":"%s","messageId":"%s","seq":1,"userId":"u","present":true,"changedAt":"%s"}
						"""
					.formatted(Ids.random(), T0, this.chatId, message, T0));
		String otherChat = Ids.random();
		this.kafka.send(Topics.REACTION_CHANGED, otherChat,
				"""
						{"eventId":"%s","occurredAt":"%s","chatId":"%s","messageId":"%s","seq":1,"userId":"u","emoji":"x","changedAt":"%s"}
						"""
					.formatted(Ids.random(), T0, otherChat, message, T0));

		assertThat(this.kafka.awaitDeadLetter(Topics.deadLetter(Topics.REACTION_CHANGED), this.chatId).key())
			.isEqualTo(this.chatId);
		assertThat(this.kafka.awaitDeadLetter(Topics.deadLetter(Topics.REACTION_CHANGED), otherChat).key())
			.isEqualTo(otherChat);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM message_reactions WHERE message_id = ?", Long.class,
				message))
			.isZero();
	}

	private String send(long seq) {
		String id = Ids.random();
		this.kafka.awaitConsumed(this.kafka.send(Topics.MESSAGE_SENT, this.chatId,
				messageSent(this.chatId, id, seq, this.sender, "message " + seq)));
		return id;
	}

	private RecordMetadata react(String messageId, String userId, String emoji, boolean present, Instant changedAt) {
		return this.kafka.send(Topics.REACTION_CHANGED, this.chatId,
				reaction(messageId, userId, emoji, present, changedAt));
	}

	private String reaction(String messageId, String userId, String emoji, boolean present, Instant changedAt) {
		return """
				{"eventId":"%s","occurredAt":"%s","chatId":"%s","messageId":"%s","seq":1,"userId":"%s",
				"emoji":"%s","present":%s,"changedAt":"%s"}
				""".formatted(Ids.random(), changedAt, this.chatId, messageId, userId, emoji, present, changedAt);
	}

	private JsonNode page() {
		return this.json.readTree(this.http.get("/internal/chats/" + this.chatId + "/messages").getBody());
	}

	private List<JsonNode> pageAndSnapshot() {
		JsonNode snapshot = this.json.readTree(snapshot(this.http, this.chatId).getBody())
			.get("chats")
			.get(0)
			.get("recentMessages");
		return List.of(page(), snapshot);
	}

	private static List<String> emojis(JsonNode reactions) {
		return reactions.valueStream().map((reaction) -> reaction.get("emoji").asString()).toList();
	}

	private static List<String> users(JsonNode reaction) {
		return reaction.get("userIds").valueStream().map(JsonNode::asString).toList();
	}

}
