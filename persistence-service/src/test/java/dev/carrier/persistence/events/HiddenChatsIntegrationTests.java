package dev.carrier.persistence.events;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.carrier.persistence.chats.ChatSnapshot;
import dev.carrier.persistence.chats.StoredChats;
import dev.carrier.persistence.support.Http;
import dev.carrier.persistence.support.Ids;
import dev.carrier.persistence.support.IntegrationTest;
import dev.carrier.persistence.support.KafkaEvents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import static dev.carrier.persistence.events.RepliesIntegrationTests.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code carrier.chat.chat-hidden} into MySQL (the latest change wins, in any order, any
 * number of times), and out again as a snapshot's {@code hiddenSeqs}.
 */
@IntegrationTest
class HiddenChatsIntegrationTests {

	private static final Instant T0 = Instant.parse("2026-12-01T09:00:00.001Z");

	@LocalServerPort
	int port;

	@Autowired
	KafkaEvents kafka;

	@Autowired
	StoredChats chats;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	Http http;

	String chatId;

	String alice;

	String bob;

	@BeforeEach
	void aDirectChat() {
		this.http = new Http(this.port);
		this.alice = Ids.random();
		this.bob = Ids.random();
		this.chatId = direct(this.alice, this.bob);
	}

	@Test
	void aHiddenChatCarriesItsSeqInTheSnapshotUntilItIsShownAgain() {
		assertThat(hiddenSeqs().isObject()).isTrue();
		assertThat(hiddenSeqs()).isEmpty();

		this.kafka.awaitConsumed(hide(this.alice, 7, T0));
		JsonNode hidden = hiddenSeqs();
		assertThat(hidden.properties()).hasSize(1);
		assertThat(hidden.get(this.alice).asLong()).isEqualTo(7);

		this.kafka.awaitConsumed(show(this.alice, T0.plusMillis(1)));
		assertThat(hiddenSeqs().isObject()).isTrue();
		assertThat(hiddenSeqs()).isEmpty();

		// hidden again later, at a later seq: the new seq, not the first one
		this.kafka.awaitConsumed(hide(this.alice, 12, T0.plusMillis(2)));
		assertThat(hiddenSeqs().get(this.alice).asLong()).isEqualTo(12);
	}

	@Test
	void anOlderChangeArrivingLaterAndTheSameChangeTwiceChangeNothing() {
		String hiddenAt5 = chatHidden(this.chatId, this.alice, true, 5, T0);
		this.kafka.send(Topics.CHAT_HIDDEN, this.chatId, hiddenAt5);
		hide(this.alice, 9, T0.plusMillis(10));
		// late: the show from before the second hide, and the first hide again
		show(this.alice, T0.plusMillis(5));
		this.kafka.send(Topics.CHAT_HIDDEN, this.chatId, hiddenAt5);
		this.kafka.awaitConsumed(this.kafka.send(Topics.CHAT_HIDDEN, this.chatId, hiddenAt5));

		assertThat(row(this.alice)).containsEntry("hidden", true).containsEntry("hidden_seq", 9L);
		assertThat(hiddenSeqs().get(this.alice).asLong()).isEqualTo(9);

		// shown, then a hide older than the show arrives: still shown
		show(this.alice, T0.plusMillis(20));
		this.kafka.awaitConsumed(hide(this.alice, 11, T0.plusMillis(15)));
		assertThat(row(this.alice)).containsEntry("hidden", false);
		assertThat(hiddenSeqs()).isEmpty();
	}

	@Test
	void ofTwoChangesInOneMillisecondTheLaterArrivalWins() {
		hide(this.alice, 3, T0);
		this.kafka.awaitConsumed(show(this.alice, T0));
		assertThat(hiddenSeqs()).isEmpty();

		this.kafka.awaitConsumed(hide(this.alice, 4, T0));
		assertThat(hiddenSeqs().get(this.alice).asLong()).isEqualTo(4);
	}

	@Test
	void theTwoMembersOfAChatAndTheirOtherChatsAreHiddenIndependently() {
		String carol = Ids.random();
		String aliceAndCarol = direct(this.alice, carol);
		hide(this.alice, 3, T0);
		hide(this.bob, 4, T0.plusMillis(1));
		this.kafka.awaitConsumed(this.kafka.send(Topics.CHAT_HIDDEN, aliceAndCarol,
				chatHidden(aliceAndCarol, carol, true, 0, T0.plusMillis(2))));

		Map<String, JsonNode> both = hiddenSeqs(this.chatId, aliceAndCarol);
		assertThat(both.get(this.chatId).properties()).hasSize(2);
		assertThat(both.get(this.chatId).get(this.alice).asLong()).isEqualTo(3);
		assertThat(both.get(this.chatId).get(this.bob).asLong()).isEqualTo(4);
		assertThat(both.get(aliceAndCarol).properties()).hasSize(1);
		assertThat(both.get(aliceAndCarol).get(carol).asLong()).isZero();

		this.kafka.awaitConsumed(show(this.alice, T0.plusMillis(3)));
		both = hiddenSeqs(this.chatId, aliceAndCarol);
		assertThat(both.get(this.chatId).properties()).hasSize(1);
		assertThat(both.get(this.chatId).get(this.bob).asLong()).isEqualTo(4);
		assertThat(both.get(aliceAndCarol).get(carol).asLong()).isZero();
	}

	@Test
	void noSnapshotIsAnsweredWhileTheHidingConsumerLagsBehindKafka() {
		MessageListenerContainer consumer = this.listeners.getListenerContainer("chat-hidden");
		consumer.stop();
		try {
			hide(this.alice, 2, T0);

			ResponseEntity<String> behind = this.http.postJson("/internal/snapshots",
					"{\"chatIds\":[\"" + this.chatId + "\"]}");
			assertThat(behind.getStatusCode().value()).isEqualTo(503);
		}
		finally {
			consumer.start();
		}
		assertThat(hiddenSeqs().get(this.alice).asLong()).isEqualTo(2);
	}

	@Test
	void anIncompleteChangeOrANegativeSeqGoesToTheDeadLetterTopic() {
		Map<String, Consumer<Map<String, Object>>> spoilers = Map.of( //
				"without chatId", (event) -> event.remove("chatId"), //
				"without userId", (event) -> event.remove("userId"), //
				"without hidden", (event) -> event.remove("hidden"), //
				"without changedAt", (event) -> event.remove("changedAt"), //
				"hidden without hiddenSeq", (event) -> event.remove("hiddenSeq"), //
				"negative hiddenSeq", (event) -> event.put("hiddenSeq", -1));
		Map<String, String> chatIds = new HashMap<>();
		spoilers.forEach((spoiled, spoiler) -> {
			String chatId = direct(this.alice, Ids.random());
			chatIds.put(spoiled, chatId);
			Map<String, Object> event = this.json.readValue(chatHidden(chatId, this.alice, true, 1, T0),
					new TypeReference<Map<String, Object>>() {
					});
			spoiler.accept(event);
			this.kafka.send(Topics.CHAT_HIDDEN, chatId, this.json.writeValueAsString(event));
		});
		// a good change behind a bad one in its partition is written, not held back
		String behindABadOne = chatIds.get("negative hiddenSeq");
		this.kafka.awaitConsumed(this.kafka.send(Topics.CHAT_HIDDEN, behindABadOne,
				chatHidden(behindABadOne, this.bob, true, 6, T0.plusMillis(1))));

		chatIds.forEach((spoiled, chatId) -> {
			assertThat(this.kafka.awaitDeadLetter(Topics.deadLetter(Topics.CHAT_HIDDEN), chatId).key()).as(spoiled)
				.isEqualTo(chatId);
			assertThat(
					this.jdbc.queryForList("SELECT user_id FROM hidden_chats WHERE chat_id = ?", String.class, chatId))
				.as(spoiled)
				.doesNotContain(this.alice);
		});
		assertThat(hiddenSeqs(behindABadOne).get(behindABadOne).get(this.bob).asLong()).isEqualTo(6);
	}

	private String direct(String userA, String userB) {
		String id = Ids.random();
		this.chats.upsertChats(List.of(new ChatSnapshot(id, "direct", null, StoredChats.directKey(userA, userB), T0,
				List.of(userA, userB), 0)));
		return id;
	}

	private RecordMetadata hide(String userId, long seq, Instant changedAt) {
		return this.kafka.send(Topics.CHAT_HIDDEN, this.chatId, chatHidden(this.chatId, userId, true, seq, changedAt));
	}

	private RecordMetadata show(String userId, Instant changedAt) {
		return this.kafka.send(Topics.CHAT_HIDDEN, this.chatId, chatHidden(this.chatId, userId, false, 0, changedAt));
	}

	static String chatHidden(String chatId, String userId, boolean hidden, long hiddenSeq, Instant changedAt) {
		return """
				{"eventId":"%s","occurredAt":"%s","chatId":"%s","userId":"%s","hidden":%s,"hiddenSeq":%d,
				"changedAt":"%s"}
				""".formatted(Ids.random(), changedAt, chatId, userId, hidden, hiddenSeq, changedAt);
	}

	private Map<String, Object> row(String userId) {
		return this.jdbc.queryForMap("SELECT hidden, hidden_seq FROM hidden_chats WHERE chat_id = ? AND user_id = ?",
				this.chatId, userId);
	}

	/** This chat's snapshot's {@code hiddenSeqs}. */
	private JsonNode hiddenSeqs() {
		return this.json.readTree(snapshot(this.http, this.chatId).getBody()).get("chats").get(0).get("hiddenSeqs");
	}

	/** The {@code hiddenSeqs} of one snapshot request for all these chats, by chat id. */
	private Map<String, JsonNode> hiddenSeqs(String... chatIds) {
		Map<String, JsonNode> byChat = new HashMap<>();
		this.json.readTree(snapshot(this.http, chatIds).getBody())
			.get("chats")
			.forEach((chat) -> byChat.put(chat.get("id").asString(), chat.get("hiddenSeqs")));
		assertThat(byChat).hasSize(chatIds.length);
		return byChat;
	}

}
