package dev.carrier.chat.chats;

import java.util.List;

import dev.carrier.chat.events.SystemLine;

/**
 * Members of a group were added, or one left, and the change is stored and announced: the
 * conversation records it as a system line. {@code actorId} added {@code userIds}, or is
 * the one who left.
 */
public record MembersChanged(String chatId, String actorId, SystemLine.Type change, List<String> userIds) {

	public MembersChanged {
		userIds = List.copyOf(userIds);
	}

}
