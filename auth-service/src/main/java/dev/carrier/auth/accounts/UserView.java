package dev.carrier.auth.accounts;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The public {@code user} JSON (docs/api.md): the email and the presence setting only
 * when users look at themselves.
 */
public record UserView(String id, String username, @JsonInclude(JsonInclude.Include.NON_NULL) String email,
		String avatarUrl, Instant createdAt, @JsonInclude(JsonInclude.Include.NON_NULL) Boolean presenceVisible) {

	public static UserView self(User user) {
		return new UserView(user.id(), user.username(), user.email(), user.avatarUrl(), user.createdAt(),
				!user.presenceHidden());
	}

	public static UserView other(User user) {
		return new UserView(user.id(), user.username(), null, user.avatarUrl(), user.createdAt(), null);
	}

	/** The body {@code {user}} of every call that answers one user. */
	public record Body(UserView user) {
	}

}
