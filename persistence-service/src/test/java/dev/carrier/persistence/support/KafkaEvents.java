package dev.carrier.persistence.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import static org.awaitility.Awaitility.await;

/**
 * Produces raw JSON the way the other services do, and watches what the consumers did
 * with it.
 */
@Component
public class KafkaEvents {

	private final KafkaTemplate<String, String> template;

	private final Admin admin;

	private final KafkaProperties kafka;

	public KafkaEvents(KafkaTemplate<String, String> template, Admin admin, KafkaProperties kafka) {
		this.template = template;
		this.admin = admin;
		this.kafka = kafka;
	}

	public RecordMetadata send(String topic, String key, String json) {
		try {
			return this.template.send(topic, key, json).get(10, TimeUnit.SECONDS).getRecordMetadata();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Waits until the service's group committed past this record: it was written (or
	 * dead-lettered).
	 */
	public void awaitConsumed(RecordMetadata sent) {
		TopicPartition partition = new TopicPartition(sent.topic(), sent.partition());
		await().atMost(Duration.ofSeconds(60)).until(() -> {
			Map<TopicPartition, OffsetAndMetadata> committed = this.admin
				.listConsumerGroupOffsets(this.kafka.getConsumer().getGroupId())
				.partitionsToOffsetAndMetadata()
				.get(5, TimeUnit.SECONDS);
			OffsetAndMetadata offset = committed.get(partition);
			return offset != null && offset.offset() > sent.offset();
		});
	}

	/** Waits for a record with this key on a dead-letter topic. */
	public ConsumerRecord<String, String> awaitDeadLetter(String deadLetterTopic, String key) {
		return awaitRecord(deadLetterTopic, key, (record) -> true);
	}

	/** Waits for a record with this key on the topic (from its start) that matches. */
	public ConsumerRecord<String, String> awaitRecord(String topic, String key,
			java.util.function.Predicate<ConsumerRecord<String, String>> matching) {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", this.kafka.getBootstrapServers()));
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, "persistence-dlt-test-" + UUID.randomUUID());
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
				new StringDeserializer())) {
			consumer.subscribe(List.of(topic));
			ConsumerRecord<String, String>[] found = new ConsumerRecord[1];
			await().atMost(Duration.ofSeconds(60)).until(() -> {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
					if (key.equals(record.key()) && matching.test(record)) {
						found[0] = record;
					}
				}
				return found[0] != null;
			});
			return found[0];
		}
	}

}
