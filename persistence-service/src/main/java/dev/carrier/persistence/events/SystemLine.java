package dev.carrier.persistence.events;

import java.util.List;

/**
 * What a system line of a conversation says: {@code type} ({@code member.added},
 * {@code member.left}) and the ids of the people it is about; the message's sender is the
 * member who acted. Stored and served as chat-service wrote it.
 */
public record SystemLine(String type, List<String> userIds) {

	public SystemLine {
		userIds = (userIds != null) ? List.copyOf(userIds) : List.of();
	}

	/**
	 * The line the two columns of {@code messages} hold, or null for a person's message.
	 */
	public static SystemLine fromColumns(String type, String userIds) {
		if (type == null) {
			return null;
		}
		return new SystemLine(type, (userIds == null || userIds.isEmpty()) ? List.of() : List.of(userIds.split(",")));
	}

}
