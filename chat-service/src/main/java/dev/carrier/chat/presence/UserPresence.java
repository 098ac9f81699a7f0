package dev.carrier.chat.presence;

import java.time.Instant;

/**
 * One person's presence as another sees it: {@code lastSeenAt} is their last live moment
 * (null when never seen, or when they hide it, as {@code online} is then false).
 */
public record UserPresence(String userId, boolean online, Instant lastSeenAt) {

	static UserPresence hidden(String userId) {
		return new UserPresence(userId, false, null);
	}

}
