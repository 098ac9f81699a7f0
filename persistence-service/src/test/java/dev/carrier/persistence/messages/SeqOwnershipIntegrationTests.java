package dev.carrier.persistence.messages;

import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.carrier.persistence.events.Topics;
import dev.carrier.persistence.support.Ids;
import dev.carrier.persistence.support.IntegrationTest;
import dev.carrier.persistence.support.KafkaEvents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A seq belongs to one message. When two claim it (an unacknowledged send of a lost cache
 * incarnation, and the reloaded one's), the newer generation keeps it and the other is
 * dead-lettered; two of one generation are an integrity violation, never silently merged.
 */
@IntegrationTest
class SeqOwnershipIntegrationTests {

	private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

	@Autowired
	KafkaEvents kafka;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	MeterRegistry meters;

	@Test
	void theNewerGenerationKeepsTheSeqWhicheverArrivesFirst() {
		String chatId = Ids.random();
		String sender = Ids.random();
		String stale = Ids.random();
		String reloaded = Ids.random();
		double supersededBefore = counter("carrier.persistence.messages.superseded");

		this.kafka.send(Topics.MESSAGE_SENT, chatId, messageSent(chatId, stale, 1, sender, 0));
		this.kafka
			.awaitConsumed(this.kafka.send(Topics.MESSAGE_SENT, chatId, messageSent(chatId, reloaded, 1, sender, 1)));

		assertThat(idsAt(chatId, 1)).containsExactly(reloaded);
		ConsumerRecord<String, String> deadLetter = this.kafka.awaitRecord(Topics.deadLetter(Topics.MESSAGE_SENT),
				chatId, (record) -> record.value().contains(stale));
		assertThat(new String(deadLetter.headers().lastHeader("carrier-dead-letter-reason").value()))
			.isEqualTo("superseded");

		String otherChat = Ids.random();
		String newer = Ids.random();
		String older = Ids.random();
		this.kafka.send(Topics.MESSAGE_SENT, otherChat, messageSent(otherChat, newer, 3, sender, 2));
		this.kafka.awaitConsumed(
				this.kafka.send(Topics.MESSAGE_SENT, otherChat, messageSent(otherChat, older, 3, sender, 1)));

		assertThat(idsAt(otherChat, 3)).containsExactly(newer);
		assertThat(counter("carrier.persistence.messages.superseded")).isEqualTo(supersededBefore + 2);
	}

	@Test
	void twoMessagesOfOneGenerationForOneSeqAreAViolationAndTheFirstStays() {
		String chatId = Ids.random();
		String sender = Ids.random();
		String first = Ids.random();
		String second = Ids.random();
		double violationsBefore = counter("carrier.persistence.integrity.violations");

		this.kafka.send(Topics.MESSAGE_SENT, chatId, messageSent(chatId, first, 5, sender, 0));
		RecordMetadata last = this.kafka.send(Topics.MESSAGE_SENT, chatId, messageSent(chatId, second, 5, sender, 0));
		this.kafka.awaitConsumed(last);

		assertThat(idsAt(chatId, 5)).containsExactly(first);
		assertThat(this.jdbc.queryForObject("SELECT text FROM messages WHERE id = ?", String.class, first))
			.isEqualTo("text 5");
		assertThat(counter("carrier.persistence.integrity.violations")).isEqualTo(violationsBefore + 1);
		ConsumerRecord<String, String> deadLetter = this.kafka.awaitRecord(Topics.deadLetter(Topics.MESSAGE_SENT),
				chatId, (record) -> record.value().contains(second));
		assertThat(new String(deadLetter.headers().lastHeader("carrier-dead-letter-reason").value()))
			.isEqualTo("integrity-violation");
	}

	@Test
	void theSameMessageTwiceIsStoredOnceAndReportedStored() {
		String chatId = Ids.random();
		String sender = Ids.random();
		String id = Ids.random();
		this.kafka.send(Topics.MESSAGE_SENT, chatId, messageSent(chatId, id, 1, sender, 0));
		this.kafka.awaitConsumed(this.kafka.send(Topics.MESSAGE_SENT, chatId, messageSent(chatId, id, 1, sender, 0)));

		assertThat(idsAt(chatId, 1)).containsExactly(id);
		ConsumerRecord<String, String> report = this.kafka.awaitRecord(Topics.MESSAGES_STORED, chatId,
				(record) -> true);
		assertThat(this.json.readTree(report.value()).get("storedSeq").asLong()).isEqualTo(1);
	}

	private List<String> idsAt(String chatId, long seq) {
		return this.jdbc.queryForList("SELECT id FROM messages WHERE chat_id = ? AND seq = ?", String.class, chatId,
				seq);
	}

	private double counter(String name) {
		var counter = this.meters.find(name).counter();
		return (counter != null) ? counter.count() : 0;
	}

	private static String messageSent(String chatId, String messageId, long seq, String sender, long generation) {
		return """
				{"eventId":"%s","occurredAt":"%s","message":{"id":"%s","chatId":"%s","seq":%d,"senderId":"%s",
				"text":"text %d","sentAt":"%s","clientMessageId":"client-%s","generation":%d}}
				""".formatted(Ids.random(), T0, messageId, chatId, seq, sender, seq, T0.plusSeconds(seq), messageId,
				generation);
	}

}
