package dev.carrier.persistence.reactions;

import java.time.Instant;

/** A row to upsert into {@code message_reactions}. */
record ReactionChange(String messageId, String emoji, String userId, boolean present, Instant changedAt) {
}
