package dev.carrier.chat.chats;

import java.time.Instant;
import java.util.List;

/**
 * A chat as Redis holds it: the chat hash and the member set.
 */
public record StoredChat(String id, String type, String name, Instant createdAt, long lastSeq, List<String> memberIds) {

	public static final String DIRECT = "direct";

	public static final String GROUP = "group";

	public boolean isDirect() {
		return DIRECT.equals(this.type);
	}

	public boolean hasMember(String userId) {
		return this.memberIds.contains(userId);
	}

}
