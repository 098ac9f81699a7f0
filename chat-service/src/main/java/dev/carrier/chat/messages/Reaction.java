package dev.carrier.chat.messages;

import java.util.List;

/**
 * One emoji's reactions on a message, {@code {emoji, count, userIds}}: who reacted, in
 * the order they did.
 */
public record Reaction(String emoji, int count, List<String> userIds) {

	public Reaction {
		userIds = (userIds != null) ? List.copyOf(userIds) : List.of();
	}

}
