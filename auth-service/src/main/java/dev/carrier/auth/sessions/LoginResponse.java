package dev.carrier.auth.sessions;

import java.time.Instant;

import dev.carrier.auth.accounts.UserView;

/** {@code expiresAt} is the session's absolute end; it may end earlier when left idle. */
public record LoginResponse(String token, Instant expiresAt, UserView user) {

	@Override
	public String toString() {
		return "LoginResponse[userId=" + this.user.id() + "]";
	}

}
