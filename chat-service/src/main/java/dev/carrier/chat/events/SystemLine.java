package dev.carrier.chat.events;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a system line of a conversation says: members were added, or a member left. The
 * line is a message whose sender is the member who acted and whose text is empty; the
 * people it is about are named by id, so it shows their current names. {@code names}
 * holds the usernames of the actor and those people as they were when the line was
 * written: what a client shows for someone it no longer knows (a member who left, with
 * whom the reader shares no other chat). Spelled {@code {type:
 * "member.added"|"member.left", userIds, names: {id: username}}} in the Redis list, the
 * {@code MessageSent} event, MySQL's answers and the public API.
 */
public record SystemLine(Type type, List<String> userIds, Map<String, String> names) {

	public SystemLine {
		userIds = List.copyOf(userIds);
		names = (names != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(names)) : Map.of();
	}

	public enum Type {

		MEMBER_ADDED("member.added"), MEMBER_LEFT("member.left");

		private final String spelling;

		Type(String spelling) {
			this.spelling = spelling;
		}

		@JsonValue
		public String spelling() {
			return this.spelling;
		}

		@JsonCreator
		public static Type fromSpelling(String spelling) {
			for (Type type : values()) {
				if (type.spelling.equals(spelling)) {
					return type;
				}
			}
			throw new IllegalArgumentException("Unknown system line: " + spelling);
		}

	}

}
