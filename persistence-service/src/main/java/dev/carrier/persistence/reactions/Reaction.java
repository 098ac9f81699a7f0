package dev.carrier.persistence.reactions;

import java.util.List;

/**
 * One emoji's present reactions to a message, as the public API shows them:
 * {@code userIds} in the order they reacted, {@code count} their number.
 */
public record Reaction(String emoji, int count, List<String> userIds) {
}
