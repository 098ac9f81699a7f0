package dev.carrier.chat.events;

import java.time.Instant;
import java.util.List;

import dev.carrier.chat.shared.ChatType;

/**
 * The chat as {@code ChatChanged} carries it; {@code directKey} is
 * {@code <smallerUserId>:<largerUserId>} for direct chats, null for groups.
 */
public record ChatSnapshot(String id, ChatType type, String name, List<String> memberIds, Instant createdAt,
		String directKey) {
}
