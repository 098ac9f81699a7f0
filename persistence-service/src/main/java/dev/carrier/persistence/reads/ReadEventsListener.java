package dev.carrier.persistence.reads;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import dev.carrier.persistence.events.EventBatches;
import dev.carrier.persistence.events.ReadChanged;
import dev.carrier.persistence.events.Topics;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/** chat-service's read positions into MySQL. */
@Component
class ReadEventsListener {

	private final EventBatches batches;

	private final ReadPositionStore store;

	ReadEventsListener(EventBatches batches, ReadPositionStore store) {
		this.batches = batches;
		this.store = store;
	}

	@KafkaListener(id = "read-changed", idIsGroup = false, topics = Topics.READ_CHANGED)
	void onReadChanged(List<ConsumerRecord<String, String>> records, Acknowledgment ack) {
		this.batches.write(records, ReadChanged.class, (events) -> this.store
			.upsert(events.stream().map((read) -> new ReadPosition(read.chatId(), read.userId(), read.seq())).toList()),
				ack);
	}

}
