package dev.carrier.persistence.hiding;

import java.time.Instant;

/** A row to upsert into {@code hidden_chats}. */
record HiddenChatChange(String chatId, String userId, boolean hidden, long hiddenSeq, Instant changedAt) {
}
