package dev.carrier.persistence.chats;

import java.time.Instant;
import java.util.List;

/** What a chat-changed event or a flushed Redis hash says a chat is. */
public record ChatSnapshot(String id, String type, String name, String directKey, Instant createdAt,
		List<String> memberIds, long lastSeq) {
}
