package dev.carrier.chat.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Published to Kafka; JSON documented in docs/architecture.md.
 */
public record MessageSent(String eventId, Instant occurredAt, SentMessage message) {

	public static String newEventId() {
		return UUID.randomUUID().toString();
	}

}
