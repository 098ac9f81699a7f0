package dev.carrier.persistence.events;

import java.time.Instant;

/** {@code carrier.chat.message-sent}: a message acknowledged to its sender. */
public record MessageSent(String eventId, Instant occurredAt, Message message) implements Event {

	public record Message(String id, String chatId, long seq, String senderId, String text, Instant sentAt,
			String clientMessageId) {
	}

	@Override
	public void requireComplete() {
		Event.require(this.message, "message");
		Event.require(this.message.id(), "message.id");
		Event.require(this.message.chatId(), "message.chatId");
		Event.require(this.message.senderId(), "message.senderId");
		Event.require(this.message.text(), "message.text");
		Event.require(this.message.sentAt(), "message.sentAt");
		if (this.message.seq() < 1) {
			throw new EventUnreadable("message.seq must be positive");
		}
	}

}
