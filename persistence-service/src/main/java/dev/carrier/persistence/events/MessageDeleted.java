package dev.carrier.persistence.events;

import java.time.Instant;

/**
 * {@code carrier.chat.message-deleted}: leaves a tombstone, whatever the order with
 * message-sent.
 */
public record MessageDeleted(String eventId, Instant occurredAt, String chatId, String messageId, long seq,
		String senderId) implements Event {

	@Override
	public void requireComplete() {
		Event.require(this.chatId, "chatId");
		Event.require(this.messageId, "messageId");
		Event.require(this.senderId, "senderId");
		if (this.seq < 1) {
			throw new EventUnreadable("seq must be positive");
		}
	}

}
