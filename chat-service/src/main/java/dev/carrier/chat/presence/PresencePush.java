package dev.carrier.chat.presence;

import java.time.Instant;

import dev.carrier.chat.realtime.Push;

/**
 * {@code {"type":"presence","userId","online","lastSeenAt"}} for everyone who shares a
 * chat with the person.
 */
public record PresencePush(String type, String userId, boolean online, Instant lastSeenAt) implements Push {

	PresencePush(UserPresence presence) {
		this("presence", presence.userId(), presence.online(), presence.lastSeenAt());
	}

}
