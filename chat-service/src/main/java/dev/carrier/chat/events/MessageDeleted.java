package dev.carrier.chat.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Published to Kafka; JSON documented in docs/architecture.md.
 */
public record MessageDeleted(String eventId, Instant occurredAt, String chatId, String messageId, long seq,
		String senderId) {

	public static String newEventId() {
		return UUID.randomUUID().toString();
	}

}
