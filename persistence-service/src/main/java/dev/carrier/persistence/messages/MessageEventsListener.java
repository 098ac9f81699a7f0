package dev.carrier.persistence.messages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import dev.carrier.persistence.chats.ChatStore;
import dev.carrier.persistence.events.EventBatches;
import dev.carrier.persistence.events.MessageDeleted;
import dev.carrier.persistence.events.MessageSent;
import dev.carrier.persistence.events.Topics;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/** chat-service's messages and deletions into MySQL. */
@Component
class MessageEventsListener {

	private final EventBatches batches;

	private final MessageStore messages;

	private final ChatStore chats;

	MessageEventsListener(EventBatches batches, MessageStore messages, ChatStore chats) {
		this.batches = batches;
		this.messages = messages;
		this.chats = chats;
	}

	@KafkaListener(id = "message-sent", idIsGroup = false, topics = Topics.MESSAGE_SENT)
	void onMessageSent(List<ConsumerRecord<String, String>> records, Acknowledgment ack) {
		this.batches.write(records, MessageSent.class, this::writeSent, ack);
	}

	@KafkaListener(id = "message-deleted", idIsGroup = false, topics = Topics.MESSAGE_DELETED)
	void onMessageDeleted(List<ConsumerRecord<String, String>> records, Acknowledgment ack) {
		this.batches.write(records, MessageDeleted.class, (events) -> this.messages.upsert(events.stream()
			.map((deleted) -> new StoredMessage(deleted.messageId(), deleted.chatId(), deleted.seq(),
					deleted.senderId(), "", null, true, null))
			.toList()), ack);
	}

	private void writeSent(List<MessageSent> events) {
		Map<String, Long> lastSeqs = new LinkedHashMap<>();
		this.messages.upsert(events.stream().map(MessageSent::message).map((message) -> {
			lastSeqs.merge(message.chatId(), message.seq(), Math::max);
			return new StoredMessage(message.id(), message.chatId(), message.seq(), message.senderId(), message.text(),
					message.sentAt(), false, message.clientMessageId());
		}).toList());
		this.chats.raiseLastSeqs(lastSeqs.entrySet()
			.stream()
			.map((entry) -> new Object[] { entry.getKey(), entry.getValue() })
			.toList());
	}

}
