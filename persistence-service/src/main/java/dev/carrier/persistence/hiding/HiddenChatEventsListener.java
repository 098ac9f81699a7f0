package dev.carrier.persistence.hiding;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import dev.carrier.persistence.events.ChatHidden;
import dev.carrier.persistence.events.EventBatches;
import dev.carrier.persistence.events.Topics;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/** chat-service's hidden and shown-again chats into MySQL. */
@Component
class HiddenChatEventsListener {

	private final EventBatches batches;

	private final HiddenChatStore store;

	HiddenChatEventsListener(EventBatches batches, HiddenChatStore store) {
		this.batches = batches;
		this.store = store;
	}

	@KafkaListener(id = "chat-hidden", idIsGroup = false, topics = Topics.CHAT_HIDDEN)
	void onChatHidden(List<ConsumerRecord<String, String>> records, Acknowledgment ack) {
		this.batches.write(records, ChatHidden.class,
				(events) -> this.store.upsert(events.stream()
					.map((changed) -> new HiddenChatChange(changed.chatId(), changed.userId(), changed.hidden(),
							changed.hiddenSeqOrZero(), changed.changedAt()))
					.toList()),
				ack);
	}

}
