package dev.carrier.auth.accounts;

/**
 * What other services need of a user: {@code {id, username, avatarUrl, presenceVisible}}
 * (chat-service shows presence only of those who let it).
 */
public record UserSummary(String id, String username, String avatarUrl, boolean presenceVisible) {

	public static UserSummary of(User user) {
		return new UserSummary(user.id(), user.username(), user.avatarUrl(), !user.presenceHidden());
	}

}
