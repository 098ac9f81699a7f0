package dev.carrier.chat.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Published to Kafka; JSON documented in docs/architecture.md.
 */
public record ReadChanged(String eventId, Instant occurredAt, String chatId, String userId, long seq) {

	public static String newEventId() {
		return UUID.randomUUID().toString();
	}

}
