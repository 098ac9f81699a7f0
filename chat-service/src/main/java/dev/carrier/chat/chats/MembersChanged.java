package dev.carrier.chat.chats;

import java.util.List;
import java.util.Map;

import dev.carrier.chat.events.SystemLine;

/**
 * Members of a group were added, or one left, and the change is stored and announced: the
 * conversation records it as a system line. {@code actorId} added {@code userIds}, or is
 * the one who left. {@code usernames} holds, by id, the names auth-service gave for the
 * change's own answer, so the line needs no second call; a user it did not know is
 * missing.
 */
public record MembersChanged(String chatId, String actorId, SystemLine.Type change, List<String> userIds,
		Map<String, String> usernames) {

	public MembersChanged {
		userIds = List.copyOf(userIds);
		usernames = Map.copyOf(usernames);
	}

}
