package dev.carrier.chat.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Published to Kafka before an edit is answered; JSON documented in docs/architecture.md.
 */
public record MessageEdited(String eventId, Instant occurredAt, String chatId, String messageId, long seq,
		String senderId, String text, Instant editedAt, List<String> mentions) {

	public static String newEventId() {
		return UUID.randomUUID().toString();
	}

}
