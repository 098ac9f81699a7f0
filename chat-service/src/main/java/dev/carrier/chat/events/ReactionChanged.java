package dev.carrier.chat.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Published to Kafka before a reaction change is answered: {@code present} is true when
 * the user added the emoji, false when they took it back. MySQL keeps the latest change
 * per message, emoji and user by {@code changedAt}. JSON documented in
 * docs/architecture.md.
 */
public record ReactionChanged(String eventId, Instant occurredAt, String chatId, String messageId, long seq,
		String userId, String emoji, boolean present, Instant changedAt) {

	public static String newEventId() {
		return UUID.randomUUID().toString();
	}

}
