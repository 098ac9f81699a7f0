package dev.carrier.chat.events;

import java.time.Instant;

/**
 * Consumed from {@code carrier.persistence.messages-stored}: MySQL has committed the
 * chat's messages up to {@code storedSeq}. JSON documented in docs/architecture.md.
 */
public record MessagesStored(String eventId, Instant occurredAt, String chatId, long storedSeq) {
}
