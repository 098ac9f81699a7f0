package dev.carrier.chat.support;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.carrier.chat.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.core.KafkaTemplate;

import static org.awaitility.Awaitility.await;

/**
 * Plays persistence-service's part on {@code carrier.persistence.messages-stored}:
 * publishes a report and waits until chat-service's consumer group has committed past it,
 * so a test knows the report was handled (also when handling it changes nothing visible).
 */
public final class StoredReports implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration BOUND = Duration.ofSeconds(60);

	private final KafkaTemplate<String, String> kafka;

	private final Admin admin;

	private final String group;

	public StoredReports(String bootstrap, String group, KafkaTemplate<String, String> kafka) {
		this.kafka = kafka;
		this.group = group;
		this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
		// With auto-offset-reset=latest a report sent before the group holds a position
		// on every
		// partition could be skipped; the container commits the position as it is
		// assigned.
		int partitions = describePartitions();
		await().atMost(BOUND).pollInterval(Duration.ofMillis(250)).until(() -> committed().size() >= partitions);
	}

	/**
	 * Publishes {@code {eventId, occurredAt, chatId, storedSeq}} and waits until it was
	 * consumed.
	 */
	public void report(String chatId, long storedSeq) {
		reportRaw(chatId, List.of(value(chatId, storedSeq)));
	}

	/**
	 * Publishes raw report values for one chat back to back (so they are likely fetched
	 * in one batch) and waits until the last was consumed.
	 */
	public void reportRaw(String chatId, List<String> values) {
		RecordMetadata last = null;
		try {
			for (String value : values) {
				last = this.kafka.send(Topics.MESSAGES_STORED, chatId, value).get().getRecordMetadata();
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not publish messages-stored reports", ex);
		}
		RecordMetadata sent = last;
		TopicPartition partition = new TopicPartition(sent.topic(), sent.partition());
		await().atMost(BOUND).pollInterval(Duration.ofMillis(100)).until(() -> {
			OffsetAndMetadata offset = committed().get(partition);
			return offset != null && offset.offset() > sent.offset();
		});
	}

	public static String value(String chatId, long storedSeq) {
		return JSON.writeValueAsString(Map.of("eventId", UUID.randomUUID().toString(), "occurredAt",
				Instant.now().toString(), "chatId", chatId, "storedSeq", storedSeq));
	}

	private int describePartitions() {
		try {
			return this.admin.describeTopics(List.of(Topics.MESSAGES_STORED))
				.allTopicNames()
				.get()
				.get(Topics.MESSAGES_STORED)
				.partitions()
				.size();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Map<TopicPartition, OffsetAndMetadata> committed() throws Exception {
		Map<TopicPartition, OffsetAndMetadata> offsets = this.admin.listConsumerGroupOffsets(this.group)
			.partitionsToOffsetAndMetadata()
			.get();
		Map<TopicPartition, OffsetAndMetadata> result = new java.util.HashMap<>();
		offsets.forEach((partition, offset) -> {
			if (partition.topic().equals(Topics.MESSAGES_STORED) && offset != null) {
				result.put(partition, offset);
			}
		});
		return result;
	}

	@Override
	public void close() {
		this.admin.close();
	}

}
