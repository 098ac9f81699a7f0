package dev.carrier.chat.chats;

import java.time.Instant;
import java.util.List;

import dev.carrier.chat.shared.ChatType;

/**
 * A chat as Redis holds it: the chat hash and the member set.
 */
public record StoredChat(String id, ChatType type, String name, Instant createdAt, long lastSeq,
		List<String> memberIds) {

	public boolean isDirect() {
		return this.type == ChatType.DIRECT;
	}

	public boolean hasMember(String userId) {
		return this.memberIds.contains(userId);
	}

}
