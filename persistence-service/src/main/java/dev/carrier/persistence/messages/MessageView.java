package dev.carrier.persistence.messages;

import java.time.Instant;

/**
 * A message as every service sees it: the JSON of {@code GET /internal/chats/{id}/messages} and of
 * each entry of chat-service's {@code carrier:chat:messages:<chatId>} list.
 */
public record MessageView(String id, String chatId, long seq, String senderId, String text, Instant sentAt,
		boolean deleted) {
}
