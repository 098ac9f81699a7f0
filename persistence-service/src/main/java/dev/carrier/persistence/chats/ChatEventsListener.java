package dev.carrier.persistence.chats;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import dev.carrier.persistence.events.ChatChanged;
import dev.carrier.persistence.events.EventBatches;
import dev.carrier.persistence.events.Topics;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/** chat-service's chat snapshots into MySQL. */
@Component
class ChatEventsListener {

	private final EventBatches batches;

	private final ChatStore store;

	ChatEventsListener(EventBatches batches, ChatStore store) {
		this.batches = batches;
		this.store = store;
	}

	@KafkaListener(id = "chat-changed", idIsGroup = false, topics = Topics.CHAT_CHANGED)
	void onChatChanged(List<ConsumerRecord<String, String>> records, Acknowledgment ack) {
		this.batches.write(records, ChatChanged.class,
				(events) -> this.store.upsertChats(events.stream()
					.map(ChatChanged::chat)
					.map((chat) -> new ChatSnapshot(chat.id(), chat.type(), chat.name(), chat.directKey(),
							chat.createdAt(), chat.memberIds(), 0))
					.toList()),
				ack);
	}

}
