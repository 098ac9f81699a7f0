package dev.carrier.persistence.flush;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import dev.carrier.persistence.events.ChatExpired;
import dev.carrier.persistence.events.EventBatches;
import dev.carrier.persistence.events.EventMetrics;
import dev.carrier.persistence.events.EventUnreadable;
import dev.carrier.persistence.events.Topics;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * Flushes each expired chat of a batch in order. A chat that cannot be flushed yet is reported by
 * its index: the chats before it are acknowledged, it is retried with backoff.
 */
@Component
class ChatExpiredListener {

	private final EventBatches batches;

	private final FlushService flush;

	private final EventMetrics metrics;

	ChatExpiredListener(EventBatches batches, FlushService flush, EventMetrics metrics) {
		this.batches = batches;
		this.flush = flush;
		this.metrics = metrics;
	}

	@KafkaListener(id = "chat-expired", idIsGroup = false, topics = Topics.CHAT_EXPIRED)
	void onChatExpired(List<ConsumerRecord<String, String>> records, Acknowledgment ack) {
		if (records.isEmpty()) {
			return;
		}
		this.metrics.consumed(Topics.CHAT_EXPIRED, records.size());
		Set<String> flushed = new HashSet<>();
		for (ConsumerRecord<String, String> record : records) {
			try {
				ChatExpired expired = this.batches.read(record, ChatExpired.class);
				// an expiry seen twice in one batch (listener and sweeper) is flushed once
				if (flushed.add(expired.chatId())) {
					this.flush.flushChat(expired.chatId());
				}
			}
			catch (EventUnreadable | FlushIncomplete ex) {
				throw new BatchListenerFailedException("Chat expiry not handled", ex, record);
			}
			this.metrics.written(Topics.CHAT_EXPIRED, 1);
		}
		ack.acknowledge();
	}

}
