package dev.carrier.chat.events;

import java.time.Instant;

/**
 * The message as {@code MessageSent} carries it (the public message plus the client's id).
 */
public record SentMessage(String id, String chatId, long seq, String senderId, String text, Instant sentAt,
		String clientMessageId) {
}
