package dev.carrier.persistence.events;

import java.time.Instant;
import java.util.List;

/**
 * {@code carrier.chat.message-edited}: the sender's new text; the latest {@code editedAt}
 * wins, whatever the order with message-sent, message-deleted and other edits, and brings
 * the ids the new text mentions (absent in older events: none).
 */
public record MessageEdited(String eventId, Instant occurredAt, String chatId, String messageId, long seq,
		String senderId, String text, Instant editedAt, List<String> mentions) implements Event {

	public MessageEdited {
		mentions = (mentions != null) ? List.copyOf(mentions) : List.of();
	}

	@Override
	public void requireComplete() {
		Event.require(this.chatId, "chatId");
		Event.require(this.messageId, "messageId");
		Event.require(this.senderId, "senderId");
		Event.require(this.text, "text");
		Event.require(this.editedAt, "editedAt");
		if (this.seq < 1) {
			throw new EventUnreadable("seq must be positive");
		}
	}

}
