package dev.carrier.persistence.events;

import java.time.Instant;

/**
 * {@code carrier.chat.read-changed}: a member read up to {@code seq}; the highest seq
 * wins.
 */
public record ReadChanged(String eventId, Instant occurredAt, String chatId, String userId, long seq) implements Event {

	@Override
	public void requireComplete() {
		Event.require(this.chatId, "chatId");
		Event.require(this.userId, "userId");
	}

}
