package dev.carrier.persistence.events;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code carrier.persistence.messages-stored}, keyed by chat id: MySQL has committed the
 * chat's messages up to {@code storedSeq} (the highest seq of the batch). chat-service
 * trims and evicts its cache only below what this reports.
 */
public record MessagesStored(String eventId, Instant occurredAt, String chatId, long storedSeq) {

	public static MessagesStored of(String chatId, long storedSeq) {
		return new MessagesStored(UUID.randomUUID().toString(), Instant.now(), chatId, storedSeq);
	}

}
