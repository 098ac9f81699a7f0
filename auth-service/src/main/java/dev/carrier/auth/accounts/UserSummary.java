package dev.carrier.auth.accounts;

/** What other services need of a user: {@code {id, username, avatarUrl}}. */
public record UserSummary(String id, String username, String avatarUrl) {

	public static UserSummary of(User user) {
		return new UserSummary(user.id(), user.username(), user.avatarUrl());
	}

}
