package dev.carrier.chat.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Published to Kafka before a hide (or show) is answered: {@code hiddenSeq} is the chat's
 * last seq when the user hid it (0 when {@code hidden} is false). MySQL keeps the latest
 * per chat and user by {@code changedAt}. JSON documented in docs/architecture.md.
 */
public record ChatHidden(String eventId, Instant occurredAt, String chatId, String userId, boolean hidden,
		long hiddenSeq, Instant changedAt) {

	public static String newEventId() {
		return UUID.randomUUID().toString();
	}

}
