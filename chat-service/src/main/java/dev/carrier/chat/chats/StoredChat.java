package dev.carrier.chat.chats;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.carrier.chat.shared.ChatType;

/**
 * A chat as Redis holds it: the chat hash and the member set. {@code hiddenSeqs} holds,
 * per member who hid the chat from their list, the chat's last seq when they did.
 */
public record StoredChat(String id, ChatType type, String name, Instant createdAt, long lastSeq, List<String> memberIds,
		Map<String, Long> hiddenSeqs) {

	public StoredChat {
		hiddenSeqs = (hiddenSeqs != null) ? Map.copyOf(hiddenSeqs) : Map.of();
	}

	public StoredChat(String id, ChatType type, String name, Instant createdAt, long lastSeq, List<String> memberIds) {
		this(id, type, name, createdAt, lastSeq, memberIds, Map.of());
	}

	public boolean isDirect() {
		return this.type == ChatType.DIRECT;
	}

	public boolean hasMember(String userId) {
		return this.memberIds.contains(userId);
	}

	/**
	 * Whether the user hid the chat and no message came after: a new message shows it
	 * again.
	 */
	public boolean isHiddenFor(String userId) {
		Long hiddenAt = this.hiddenSeqs.get(userId);
		return hiddenAt != null && this.lastSeq <= hiddenAt;
	}

}
