package dev.carrier.chat.messages;

import java.util.ArrayList;
import java.util.List;

/**
 * One person adding ({@code present}) or taking back one emoji on a message, applied to
 * its reactions the way apply-reaction.lua applies it to a cached entry.
 */
record ReactionChange(String emoji, String userId, boolean present) {

	/** Different emoji one message may hold; one more is refused with 400. */
	static final int MAX_EMOJI = 20;

	/** Whether the reactions would differ afterwards (false for a repeated request). */
	boolean changes(List<Reaction> reactions) {
		boolean reacted = reactions.stream()
			.anyMatch((reaction) -> reaction.emoji().equals(this.emoji) && reaction.userIds().contains(this.userId));
		return reacted != this.present;
	}

	/** Whether it would add an emoji to a message that holds {@link #MAX_EMOJI}. */
	boolean overflows(List<Reaction> reactions) {
		return this.present && reactions.size() >= MAX_EMOJI
				&& reactions.stream().noneMatch((reaction) -> reaction.emoji().equals(this.emoji));
	}

	List<Reaction> applyTo(List<Reaction> reactions) {
		List<Reaction> result = new ArrayList<>();
		boolean found = false;
		for (Reaction reaction : reactions) {
			if (!reaction.emoji().equals(this.emoji)) {
				result.add(reaction);
				continue;
			}
			found = true;
			List<String> userIds = new ArrayList<>(reaction.userIds());
			userIds.remove(this.userId);
			if (this.present) {
				userIds.add(this.userId);
			}
			if (!userIds.isEmpty()) {
				result.add(new Reaction(this.emoji, userIds.size(), userIds));
			}
		}
		if (!found && this.present) {
			result.add(new Reaction(this.emoji, 1, List.of(this.userId)));
		}
		return result;
	}

}
