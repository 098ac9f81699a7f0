package dev.carrier.persistence.events;

import java.time.Instant;

/** {@code carrier.chat.chat-expired}: a cached chat lost its lease; flush it and evict it. */
public record ChatExpired(String eventId, Instant occurredAt, String chatId) implements Event {

	@Override
	public void requireComplete() {
		Event.require(this.chatId, "chatId");
	}

}
