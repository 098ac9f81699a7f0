package dev.carrier.auth.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A test consumer with its own group id that starts at the end of a topic, so a test sees
 * only what happens after it began watching.
 */
public final class TopicWatcher implements AutoCloseable {

	private final KafkaConsumer<String, String> consumer;

	public TopicWatcher(String bootstrapServers, String topic) {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, "auth-test-" + UUID.randomUUID());
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		this.consumer = new KafkaConsumer<>(properties);
		List<TopicPartition> partitions = this.consumer.partitionsFor(topic, Duration.ofSeconds(10))
			.stream()
			.map((info) -> new TopicPartition(topic, info.partition()))
			.toList();
		this.consumer.assign(partitions);
		this.consumer.seekToEnd(partitions);
		partitions.forEach(this.consumer::position);
	}

	/** Polls once (briefly) and answers the records that arrived. */
	public List<ConsumerRecord<String, String>> poll() {
		List<ConsumerRecord<String, String>> records = new ArrayList<>();
		this.consumer.poll(Duration.ofMillis(200)).forEach(records::add);
		return records;
	}

	@Override
	public void close() {
		this.consumer.close();
	}

}
