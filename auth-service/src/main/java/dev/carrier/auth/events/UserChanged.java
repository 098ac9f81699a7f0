package dev.carrier.auth.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A full snapshot of a user after any change, keyed by user id on
 * {@link Topics#USER_CHANGED}; persistence-service upserts its users table from it.
 * Carries the password hash, so it is never logged.
 */
public record UserChanged(UUID eventId, Instant occurredAt, Snapshot user) {

	@Override
	public String toString() {
		return "UserChanged[eventId=" + this.eventId + ", userId=" + this.user.id() + "]";
	}

	public record Snapshot(String id, String username, String email, String passwordHash, String avatar,
			long avatarVersion, Instant createdAt, Instant updatedAt, boolean presenceHidden) {

		public Snapshot(String id, String username, String email, String passwordHash, String avatar,
				long avatarVersion, Instant createdAt, Instant updatedAt) {
			this(id, username, email, passwordHash, avatar, avatarVersion, createdAt, updatedAt, false);
		}

		@Override
		public String toString() {
			return "Snapshot[id=" + this.id + "]";
		}

	}

}
