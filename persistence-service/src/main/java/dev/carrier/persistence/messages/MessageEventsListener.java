package dev.carrier.persistence.messages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import dev.carrier.persistence.attachments.Attachments;
import dev.carrier.persistence.chats.ChatService;
import dev.carrier.persistence.events.DurabilityReports;
import dev.carrier.persistence.events.EventBatches;
import dev.carrier.persistence.events.MessageDeleted;
import dev.carrier.persistence.events.MessageEdited;
import dev.carrier.persistence.events.MessageSent;
import dev.carrier.persistence.events.Topics;
import dev.carrier.persistence.reads.ReadPosition;
import dev.carrier.persistence.reads.ReadPositions;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/** chat-service's messages, deletions and edits into MySQL. */
@Component
class MessageEventsListener {

	private final EventBatches batches;

	private final MessageStore messages;

	private final ChatService chats;

	private final ReadPositions reads;

	private final SentMessageWriter writer;

	private final DurabilityReports reports;

	private final Attachments attachments;

	MessageEventsListener(EventBatches batches, MessageStore messages, ChatService chats, ReadPositions reads,
			SentMessageWriter writer, DurabilityReports reports, Attachments attachments) {
		this.attachments = attachments;
		this.batches = batches;
		this.messages = messages;
		this.chats = chats;
		this.reads = reads;
		this.writer = writer;
		this.reports = reports;
	}

	/**
	 * The busy topic fetches batches under load (one MySQL transaction per batch) rather
	 * than a handful of records per poll; idle, an event waits at most 50 ms more for its
	 * flush, which also bounds how long a snapshot waits at the {@code ConsumerBarrier}.
	 */
	@KafkaListener(id = "message-sent", idIsGroup = false, topics = Topics.MESSAGE_SENT,
			properties = { "fetch.min.bytes=65536", "fetch.max.wait.ms=50" })
	void onMessageSent(List<ConsumerRecord<String, String>> records, Acknowledgment ack) {
		this.batches.write(records, MessageSent.class, this::writeSent, this::reportStored, ack);
	}

	@KafkaListener(id = "message-deleted", idIsGroup = false, topics = Topics.MESSAGE_DELETED)
	void onMessageDeleted(List<ConsumerRecord<String, String>> records, Acknowledgment ack) {
		this.batches.write(records, MessageDeleted.class,
				(events) -> this.messages.upsert(events.stream()
					.map((deleted) -> new StoredMessage(deleted.messageId(), deleted.chatId(), deleted.seq(),
							deleted.senderId(), "", null, true, null, 0))
					.toList()),
				ack);
	}

	@KafkaListener(id = "message-edited", idIsGroup = false, topics = Topics.MESSAGE_EDITED)
	void onMessageEdited(List<ConsumerRecord<String, String>> records, Acknowledgment ack) {
		this.batches.write(records, MessageEdited.class, (events) -> this.messages.upsert(events.stream()
			.map((edited) -> new StoredMessage(edited.messageId(), edited.chatId(), edited.seq(), edited.senderId(),
					edited.text(), null, false, null, 0, edited.editedAt(), null, edited.mentions(), null))
			.toList()), ack);
	}

	private void writeSent(List<MessageSent> events) {
		Map<String, Long> lastSeqs = new LinkedHashMap<>();
		Map<SenderInChat, Long> sendersReads = new LinkedHashMap<>();
		this.writer.write(events.stream().map(MessageSent::message).map((message) -> {
			lastSeqs.merge(message.chatId(), message.seq(), Math::max);
			sendersReads.merge(new SenderInChat(message.chatId(), message.senderId()), message.seq(), Math::max);
			return new StoredMessage(message.id(), message.chatId(), message.seq(), message.senderId(), message.text(),
					message.sentAt(), false, message.clientMessageId(), message.generation(), null, message.replyToId(),
					message.mentions(), message.system());
		}).toList());
		this.chats.raiseLastSeqs(lastSeqs);
		events.stream()
			.map(MessageSent::message)
			.forEach((message) -> this.attachments.link(message.id(), message.chatId(), message.senderId(),
					message.attachmentIds()));
		// Sending marks the chat read up to the message for its sender (chat-service does
		// the same
		// in Redis without a read event), so that position survives the loss of the cache
		// too.
		this.reads.raise(sendersReads.entrySet()
			.stream()
			.map((entry) -> new ReadPosition(entry.getKey().chatId(), entry.getKey().senderId(), entry.getValue()))
			.toList());
	}

	/**
	 * After the commit: chat-service may now trim and evict these chats up to these seqs.
	 */
	private void reportStored(List<MessageSent> committed) {
		Map<String, Long> storedSeqs = new LinkedHashMap<>();
		committed.forEach((event) -> storedSeqs.merge(event.message().chatId(), event.message().seq(), Math::max));
		if (!storedSeqs.isEmpty()) {
			this.reports.messagesStored(storedSeqs);
		}
	}

	private record SenderInChat(String chatId, String senderId) {
	}

}
