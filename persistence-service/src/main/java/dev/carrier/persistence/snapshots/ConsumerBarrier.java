package dev.carrier.persistence.snapshots;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import dev.carrier.persistence.CarrierProperties;
import dev.carrier.persistence.events.Topics;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * Proves, before anything is read from MySQL for chat-service's cache, that this
 * service's consumers hold every chat event Kafka had when the request arrived.
 * chat-service acknowledges a message once Kafka has it, so a snapshot read before the
 * consumers reach that point could miss an acknowledged message and hand its seq out
 * again. When the proof does not come within the bound the caller gets
 * {@link ConsumersBehind} (a 503): never a snapshot of unproven state.
 */
@Component
class ConsumerBarrier {

	/** The topics a snapshot is made of. */
	static final List<String> SNAPSHOT_TOPICS = List.of(Topics.CHAT_CHANGED, Topics.MESSAGE_SENT,
			Topics.MESSAGE_DELETED, Topics.MESSAGE_EDITED, Topics.READ_CHANGED, Topics.REACTION_CHANGED,
			Topics.CHAT_HIDDEN);

	private static final long POLL_MS = 20;

	private final Admin admin;

	private final String groupId;

	private final Duration timeout;

	ConsumerBarrier(Admin admin, KafkaProperties kafka, CarrierProperties properties) {
		this.admin = admin;
		this.groupId = kafka.getConsumer().getGroupId();
		this.timeout = properties.snapshots().catchUpTimeout();
	}

	/**
	 * @throws ConsumersBehind when the consumers did not pass Kafka's end offsets within
	 * the bound
	 */
	void await() {
		long deadline = System.nanoTime() + this.timeout.toNanos();
		try {
			Map<TopicPartition, Long> ends = endOffsets(deadline);
			while (true) {
				Map<TopicPartition, OffsetAndMetadata> committed = this.admin.listConsumerGroupOffsets(this.groupId)
					.partitionsToOffsetAndMetadata()
					.get(remainingMs(deadline), TimeUnit.MILLISECONDS);
				if (caughtUp(ends, committed)) {
					return;
				}
				if (System.nanoTime() > deadline) {
					throw new ConsumersBehind("The event consumers are still behind Kafka after " + this.timeout);
				}
				Thread.sleep(POLL_MS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ConsumersBehind("Interrupted while waiting for the event consumers");
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new ConsumersBehind("Kafka did not tell the consumers' position: " + ex.getClass().getSimpleName());
		}
	}

	private Map<TopicPartition, Long> endOffsets(long deadline)
			throws InterruptedException, ExecutionException, TimeoutException {
		Map<String, TopicDescription> topics = this.admin.describeTopics(SNAPSHOT_TOPICS)
			.allTopicNames()
			.get(remainingMs(deadline), TimeUnit.MILLISECONDS);
		Map<TopicPartition, OffsetSpec> latest = topics.values()
			.stream()
			.flatMap((topic) -> topic.partitions()
				.stream()
				.map((partition) -> new TopicPartition(topic.name(), partition.partition())))
			.collect(Collectors.toMap((partition) -> partition, (partition) -> OffsetSpec.latest()));
		Map<TopicPartition, ListOffsetsResultInfo> ends = this.admin.listOffsets(latest)
			.all()
			.get(remainingMs(deadline), TimeUnit.MILLISECONDS);
		return ends.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, (end) -> end.getValue().offset()));
	}

	private static boolean caughtUp(Map<TopicPartition, Long> ends, Map<TopicPartition, OffsetAndMetadata> committed) {
		for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
			OffsetAndMetadata position = committed.get(end.getKey());
			long committedOffset = (position != null) ? position.offset() : 0;
			if (committedOffset < end.getValue()) {
				return false;
			}
		}
		return true;
	}

	private static long remainingMs(long deadline) {
		return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
	}

}
