package dev.carrier.persistence.messages;

import java.time.Instant;

/**
 * A message as the public API shows it: the JSON of {@code GET
 * /internal/chats/{id}/messages} and of a snapshot's recent messages ({@code editedAt}
 * null until edited).
 */
public record MessageView(String id, String chatId, long seq, String senderId, String text, Instant sentAt,
		boolean deleted, Instant editedAt) {
}
