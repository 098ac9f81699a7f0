package dev.carrier.persistence.events;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

import dev.carrier.persistence.support.Ids;
import dev.carrier.persistence.support.IntegrationTest;
import dev.carrier.persistence.support.KafkaEvents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@IntegrationTest
class EventConsumersIntegrationTests {

	private static final Instant T0 = Instant.parse("2026-11-25T10:00:00.123456Z");

	@Autowired
	KafkaEvents kafka;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void messagesProducedToKafkaReachMySqlAndTheSameBatchTwiceChangesNothing() {
		String chatId = Ids.random();
		String sender = Ids.random();
		this.kafka.send(Topics.CHAT_CHANGED, chatId, chatChanged(chatId, "group", "Team", sender, Ids.random()));
		RecordMetadata last = null;
		for (int round = 0; round < 2; round++) {
			for (int seq = 1; seq <= 5; seq++) {
				last = this.kafka.send(Topics.MESSAGE_SENT, chatId,
						messageSent(chatId, "m-" + chatId + "-" + seq, seq, sender, "hello " + seq));
			}
		}
		this.kafka.awaitConsumed(last);
		assertThat(this.jdbc.queryForList("SELECT text FROM messages WHERE chat_id = ? ORDER BY seq", String.class,
				chatId))
			.containsExactly("hello 1", "hello 2", "hello 3", "hello 4", "hello 5");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc.queryForList("SELECT last_seq FROM chats WHERE id = ?", Long.class, chatId)
				.equals(java.util.List.of(5L)));
		Map<String, Object> first = this.jdbc
			.queryForMap("SELECT sent_at, deleted, client_message_id FROM messages WHERE id = ?", "m-" + chatId + "-1");
		assertThat(((java.time.LocalDateTime) first.get("sent_at")).toInstant(java.time.ZoneOffset.UTC)).isEqualTo(T0);
		assertThat(first.get("deleted")).isEqualTo(false);
		assertThat(first.get("client_message_id")).isEqualTo("client-1");
	}

	@Test
	void aDeleteBeforeItsMessageLeavesATombstoneTheLaterInsertKeeps() {
		String chatId = Ids.random();
		String messageId = Ids.random();
		String sender = Ids.random();
		RecordMetadata deleted = this.kafka.send(Topics.MESSAGE_DELETED, chatId,
				messageDeleted(chatId, messageId, 1, sender));
		this.kafka.awaitConsumed(deleted);
		assertThat(this.jdbc.queryForMap("SELECT text, deleted FROM messages WHERE id = ?", messageId))
			.containsEntry("text", "")
			.containsEntry("deleted", true);
		RecordMetadata sent = this.kafka.send(Topics.MESSAGE_SENT, chatId,
				messageSent(chatId, messageId, 1, sender, "secret"));
		this.kafka.awaitConsumed(sent);
		Map<String, Object> row = this.jdbc.queryForMap("SELECT text, deleted, sent_at FROM messages WHERE id = ?",
				messageId);
		assertThat(row).containsEntry("text", "").containsEntry("deleted", true);
		assertThat(row.get("sent_at")).isNotNull();
	}

	@Test
	void aDeleteAfterItsMessageEmptiesTheText() {
		String chatId = Ids.random();
		String messageId = Ids.random();
		String sender = Ids.random();
		this.kafka.send(Topics.MESSAGE_SENT, chatId, messageSent(chatId, messageId, 1, sender, "oops"));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc.queryForObject("SELECT COUNT(*) FROM messages WHERE id = ?", Long.class,
					messageId) == 1);
		RecordMetadata deleted = this.kafka.send(Topics.MESSAGE_DELETED, chatId,
				messageDeleted(chatId, messageId, 1, sender));
		this.kafka.awaitConsumed(deleted);
		assertThat(this.jdbc.queryForMap("SELECT text, deleted FROM messages WHERE id = ?", messageId))
			.containsEntry("text", "")
			.containsEntry("deleted", true);
	}

	@Test
	void anOlderUserSnapshotNeverOverwritesANewerOne() {
		String userId = Ids.random();
		String name = "u" + userId.substring(0, 8);
		this.kafka.send(Topics.USER_CHANGED, userId, userChanged(userId, name + "-new", T0.plusSeconds(60)));
		RecordMetadata older = this.kafka.send(Topics.USER_CHANGED, userId, userChanged(userId, name + "-old", T0));
		this.kafka.awaitConsumed(older);
		assertThat(
				this.jdbc.queryForMap("SELECT username, username_lower, email_lower FROM users WHERE id = ?", userId))
			.containsEntry("username", name + "-new")
			.containsEntry("username_lower", (name + "-new").toLowerCase())
			.containsEntry("email_lower", (name + "-new@example.com").toLowerCase());
		RecordMetadata newest = this.kafka.send(Topics.USER_CHANGED, userId,
				userChanged(userId, name + "-newest", T0.plusSeconds(120)));
		this.kafka.awaitConsumed(newest);
		assertThat(this.jdbc.queryForObject("SELECT username FROM users WHERE id = ?", String.class, userId))
			.isEqualTo(name + "-newest");
	}

	@Test
	void aReadPositionKeepsItsHighestSeq() {
		String chatId = Ids.random();
		String userId = Ids.random();
		this.kafka.send(Topics.READ_CHANGED, chatId, readChanged(chatId, userId, 7));
		RecordMetadata lower = this.kafka.send(Topics.READ_CHANGED, chatId, readChanged(chatId, userId, 3));
		this.kafka.awaitConsumed(lower);
		assertThat(this.jdbc.queryForObject("SELECT seq FROM read_positions WHERE chat_id = ? AND user_id = ?",
				Long.class, chatId, userId))
			.isEqualTo(7);
	}

	/** Without this, a sender's own message counted as unread once the cache was lost. */
	@Test
	void sendingAMessageMarksTheChatReadUpToItForItsSenderOnly() {
		String chatId = Ids.random();
		String sender = Ids.random();
		String other = Ids.random();
		this.kafka.send(Topics.READ_CHANGED, chatId, readChanged(chatId, sender, 9));
		this.kafka.send(Topics.MESSAGE_SENT, chatId, messageSent(chatId, Ids.random(), 4, sender, "earlier"));
		RecordMetadata last = this.kafka.send(Topics.MESSAGE_SENT, chatId,
				messageSent(chatId, Ids.random(), 12, other, "later"));
		this.kafka.awaitConsumed(last);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc
				.queryForList("SELECT user_id, seq FROM read_positions WHERE chat_id = ? ORDER BY seq", chatId)
				.equals(java.util.List.of(Map.of("user_id", sender, "seq", 9L), Map.of("user_id", other, "seq", 12L))));
	}

	@Test
	void aChatSnapshotReplacesItsMembers() {
		String chatId = Ids.random();
		String alice = Ids.random();
		String bob = Ids.random();
		String carol = Ids.random();
		this.kafka.send(Topics.CHAT_CHANGED, chatId, chatChanged(chatId, "group", "Old", alice, bob));
		RecordMetadata renamed = this.kafka.send(Topics.CHAT_CHANGED, chatId,
				chatChanged(chatId, "group", "New", alice, carol));
		this.kafka.awaitConsumed(renamed);
		assertThat(this.jdbc.queryForObject("SELECT name FROM chats WHERE id = ?", String.class, chatId))
			.isEqualTo("New");
		assertThat(this.jdbc.queryForList("SELECT user_id FROM chat_members WHERE chat_id = ?", String.class, chatId))
			.containsExactlyInAnyOrder(alice, carol);
	}

	@Test
	void aRecordThatIsNotJsonGoesToTheDeadLetterTopicAndTheNextOneIsStillWritten() {
		String userId = Ids.random();
		this.kafka.send(Topics.USER_CHANGED, userId, "{this is not json");
		ConsumerRecord<String, String> dead = this.kafka.awaitDeadLetter(Topics.deadLetter(Topics.USER_CHANGED),
				userId);
		assertThat(dead.value()).isEqualTo("{this is not json");
		RecordMetadata valid = this.kafka.send(Topics.USER_CHANGED, userId,
				userChanged(userId, "u" + userId.substring(0, 8), T0));
		this.kafka.awaitConsumed(valid);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM users WHERE id = ?", Long.class, userId)).isOne();
	}

	@Test
	void aMessageWithoutItsIdGoesToTheDeadLetterTopic() {
		String chatId = Ids.random();
		this.kafka.send(Topics.MESSAGE_SENT, chatId,
				"""
						{"eventId":"%s","occurredAt":"%s","message":{"chatId":"%s","seq":1,"senderId":"x","text":"t","sentAt":"%s"}}
						"""
					.formatted(Ids.random(), T0, chatId, T0));
		assertThat(this.kafka.awaitDeadLetter(Topics.deadLetter(Topics.MESSAGE_SENT), chatId).key()).isEqualTo(chatId);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM messages WHERE chat_id = ?", Long.class, chatId))
			.isZero();
	}

	@Test
	void anAvatarUploadIsStoredAndAnOlderVersionNeverReplacesIt() {
		String userId = Ids.random();
		this.kafka.send(Topics.AVATAR_UPLOADED, userId, avatarUploaded(userId, "image/png", 2, new byte[] { 1, 2, 3 }));
		RecordMetadata older = this.kafka.send(Topics.AVATAR_UPLOADED, userId,
				avatarUploaded(userId, "image/gif", 1, new byte[] { 9 }));
		this.kafka.awaitConsumed(older);
		Map<String, Object> avatar = this.jdbc
			.queryForMap("SELECT content_type, bytes, version FROM avatars WHERE user_id = ?", userId);
		assertThat(avatar).containsEntry("content_type", "image/png").containsEntry("version", 2L);
		assertThat((byte[]) avatar.get("bytes")).containsExactly(1, 2, 3);
	}

	static String chatChanged(String chatId, String type, String name, String... members) {
		return """
				{"eventId":"%s","occurredAt":"%s","chat":{"id":"%s","type":"%s","name":"%s","memberIds":["%s"],
				"createdAt":"%s","directKey":null}}
				""".formatted(Ids.random(), T0, chatId, type, name, String.join("\",\"", members), T0);
	}

	static String messageSent(String chatId, String messageId, long seq, String sender, String text) {
		return """
				{"eventId":"%s","occurredAt":"%s","message":{"id":"%s","chatId":"%s","seq":%d,"senderId":"%s",
				"text":"%s","sentAt":"%s","clientMessageId":"client-%d"}}
				""".formatted(Ids.random(), T0, messageId, chatId, seq, sender, text,
				T0.plus(seq - 1, ChronoUnit.SECONDS), seq);
	}

	static String messageDeleted(String chatId, String messageId, long seq, String sender) {
		return """
				{"eventId":"%s","occurredAt":"%s","chatId":"%s","messageId":"%s","seq":%d,"senderId":"%s"}
				""".formatted(Ids.random(), T0, chatId, messageId, seq, sender);
	}

	static String readChanged(String chatId, String userId, long seq) {
		return """
				{"eventId":"%s","occurredAt":"%s","chatId":"%s","userId":"%s","seq":%d}
				""".formatted(Ids.random(), T0, chatId, userId, seq);
	}

	static String userChanged(String userId, String username, Instant updatedAt) {
		return """
				{"eventId":"%s","occurredAt":"%s","user":{"id":"%s","username":"%s","email":"%s@Example.com",
				"passwordHash":"pbkdf2$600000$salt$hash","avatar":null,"avatarVersion":0,"createdAt":"%s","updatedAt":"%s"}}
				"""
			.formatted(Ids.random(), updatedAt, userId, username, username, T0, updatedAt);
	}

	static String avatarUploaded(String userId, String contentType, long version, byte[] bytes) {
		return """
				{"eventId":"%s","occurredAt":"%s","userId":"%s","contentType":"%s","version":%d,"bytesBase64":"%s"}
				""".formatted(Ids.random(), T0, userId, contentType, version,
				java.util.Base64.getEncoder().encodeToString(bytes));
	}

}
