package dev.carrier.chat.cache;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A message of a snapshot, in the shape the cached list stores (the same fields, in the
 * same order, as messages.Message): the cache installs it without depending on the
 * messages feature, which depends on the cache through chats.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record SnapshotMessage(String id, String chatId, long seq, String senderId, String text, Instant sentAt,
		boolean deleted, Instant editedAt) {
}
