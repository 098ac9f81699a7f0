package dev.carrier.chat.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A test consumer with its own group, positioned at the end of a topic before the test
 * acts, that collects what arrives afterwards.
 */
public final class KafkaProbe implements AutoCloseable {

	private final KafkaConsumer<String, String> consumer;

	private final List<ConsumerRecord<String, String>> seen = new CopyOnWriteArrayList<>();

	public KafkaProbe(String bootstrap, String topic) {
		this.consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG,
						"chat-test-" + UUID.randomUUID(), ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
				new StringDeserializer(), new StringDeserializer());
		List<TopicPartition> partitions = new ArrayList<>();
		this.consumer.partitionsFor(topic, Duration.ofSeconds(30))
			.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
		this.consumer.assign(partitions);
		this.consumer.seekToEnd(partitions);
		partitions.forEach(this.consumer::position);
	}

	/** Polls once and returns everything seen so far. */
	public List<ConsumerRecord<String, String>> poll() {
		this.consumer.poll(Duration.ofMillis(200)).forEach(this.seen::add);
		return this.seen;
	}

	public List<ConsumerRecord<String, String>> withKey(String key) {
		return poll().stream().filter(record -> key.equals(record.key())).toList();
	}

	@Override
	public void close() {
		this.consumer.close();
	}

}
