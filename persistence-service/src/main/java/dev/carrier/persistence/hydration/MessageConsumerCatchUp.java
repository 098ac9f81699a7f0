package dev.carrier.persistence.hydration;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.carrier.persistence.CarrierProperties;
import dev.carrier.persistence.events.Topics;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * Waits, bounded, until this service's consumer group has committed every message-sent record
 * that Kafka held when the wait began. A message is acknowledged to its sender once Kafka has it,
 * so hydrating before the consumer reaches that point would put a {@code lastSeq} behind an
 * acknowledged message into Redis, and chat-service would hand out its seq again.
 */
@Component
class MessageConsumerCatchUp {

	private static final Logger log = LoggerFactory.getLogger(MessageConsumerCatchUp.class);

	private static final long POLL_MS = 25;

	private final Admin admin;

	private final String groupId;

	private final Duration timeout;

	MessageConsumerCatchUp(Admin admin, KafkaProperties kafka, CarrierProperties properties) {
		this.admin = admin;
		this.groupId = kafka.getConsumer().getGroupId();
		this.timeout = properties.hydration().catchUpTimeout();
	}

	/** @return whether the consumer caught up within the bound (hydration goes on either way) */
	boolean await() {
		long deadline = System.nanoTime() + this.timeout.toNanos();
		try {
			TopicDescription topic = this.admin.describeTopics(java.util.List.of(Topics.MESSAGE_SENT))
				.allTopicNames()
				.get(remainingMs(deadline), TimeUnit.MILLISECONDS)
				.get(Topics.MESSAGE_SENT);
			Map<TopicPartition, OffsetSpec> latest = topic.partitions()
				.stream()
				.collect(Collectors.toMap((p) -> new TopicPartition(Topics.MESSAGE_SENT, p.partition()),
						(p) -> OffsetSpec.latest()));
			Map<TopicPartition, ListOffsetsResultInfo> ends = this.admin.listOffsets(latest)
				.all()
				.get(remainingMs(deadline), TimeUnit.MILLISECONDS);
			while (true) {
				Map<TopicPartition, OffsetAndMetadata> committed = this.admin.listConsumerGroupOffsets(this.groupId)
					.partitionsToOffsetAndMetadata()
					.get(remainingMs(deadline), TimeUnit.MILLISECONDS);
				if (caughtUp(ends, committed)) {
					return true;
				}
				if (System.nanoTime() > deadline) {
					log.warn("Message consumer still behind Kafka after {}; hydrating anyway", this.timeout);
					return false;
				}
				Thread.sleep(POLL_MS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (Exception ex) {
			log.warn("Could not compare the message consumer's offsets with Kafka's ({}); hydrating anyway",
					ex.getClass().getSimpleName());
			return false;
		}
	}

	private static boolean caughtUp(Map<TopicPartition, ListOffsetsResultInfo> ends,
			Map<TopicPartition, OffsetAndMetadata> committed) {
		for (Map.Entry<TopicPartition, ListOffsetsResultInfo> end : ends.entrySet()) {
			long endOffset = end.getValue().offset();
			OffsetAndMetadata position = committed.get(end.getKey());
			long committedOffset = (position != null) ? position.offset() : 0;
			if (committedOffset < endOffset) {
				return false;
			}
		}
		return true;
	}

	private static long remainingMs(long deadline) {
		return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
	}

}
