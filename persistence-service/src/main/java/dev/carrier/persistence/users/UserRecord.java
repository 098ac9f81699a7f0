package dev.carrier.persistence.users;

import java.time.Instant;

/**
 * A user as auth-service reads it through ({@code GET /internal/users/...}), password
 * hash included: the endpoint is internal and never routed by the gateway.
 */
public record UserRecord(String id, String username, String email, String passwordHash, String avatar,
		long avatarVersion, Instant createdAt, Instant updatedAt, boolean presenceHidden) {

	@Override
	public String toString() {
		return "UserRecord[id=" + this.id + ", username=" + this.username + "]";
	}

}
