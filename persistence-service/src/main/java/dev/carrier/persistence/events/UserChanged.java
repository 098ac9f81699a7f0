package dev.carrier.persistence.events;

import java.time.Instant;

/**
 * {@code carrier.auth.user-changed}: a snapshot of a user; a newer {@code updatedAt}
 * wins.
 */
public record UserChanged(String eventId, Instant occurredAt, User user) implements Event {

	/**
	 * {@code presenceHidden} is absent (false) in events from before the setting existed.
	 */
	public record User(String id, String username, String email, String passwordHash, String avatar, long avatarVersion,
			Instant createdAt, Instant updatedAt, Boolean presenceHidden) {
	}

	@Override
	public void requireComplete() {
		Event.require(this.user, "user");
		Event.require(this.user.id(), "user.id");
		Event.require(this.user.username(), "user.username");
		Event.require(this.user.email(), "user.email");
		Event.require(this.user.passwordHash(), "user.passwordHash");
		Event.require(this.user.createdAt(), "user.createdAt");
		Event.require(this.user.updatedAt(), "user.updatedAt");
	}

	/** Never let the hash reach a log line through a record's default toString. */
	@Override
	public String toString() {
		return "UserChanged[eventId=" + this.eventId + ", userId=" + ((this.user != null) ? this.user.id() : null)
				+ "]";
	}

}
