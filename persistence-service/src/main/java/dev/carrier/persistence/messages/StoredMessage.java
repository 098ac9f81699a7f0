package dev.carrier.persistence.messages;

import java.time.Instant;

/**
 * A row to upsert into {@code messages}; {@code deleted} rows are tombstones with empty
 * text. {@code generation} is the cache incarnation that handed out the seq (see
 * {@code MessageSent}).
 */
public record StoredMessage(String id, String chatId, long seq, String senderId, String text, Instant sentAt,
		boolean deleted, String clientMessageId, long generation) {
}
