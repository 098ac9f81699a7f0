package dev.carrier.persistence.messages;

import java.time.Instant;

/** A row to upsert into {@code messages}; {@code deleted} rows are tombstones with empty text. */
public record StoredMessage(String id, String chatId, long seq, String senderId, String text, Instant sentAt,
		boolean deleted, String clientMessageId) {

	public static StoredMessage of(MessageView message) {
		return new StoredMessage(message.id(), message.chatId(), message.seq(), message.senderId(), message.text(),
				message.sentAt(), message.deleted(), null);
	}

}
