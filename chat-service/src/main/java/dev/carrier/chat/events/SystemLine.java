package dev.carrier.chat.events;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a system line of a conversation says: members were added, or a member left. The
 * line is a message whose sender is the member who acted and whose text is empty; the
 * people it is about are named by id, so it shows their current names. Spelled
 * {@code {type: "member.added"|"member.left", userIds}} in the Redis list, the
 * {@code MessageSent} event, MySQL's answers and the public API.
 */
public record SystemLine(Type type, List<String> userIds) {

	public SystemLine {
		userIds = List.copyOf(userIds);
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
