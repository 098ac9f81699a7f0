package dev.carrier.persistence.chats;

import java.time.Instant;
import java.util.List;

/** {@code GET /internal/chats/{chatId}}. */
public record ChatView(String id, String type, String name, List<String> memberIds, Instant createdAt, long lastSeq) {
}
