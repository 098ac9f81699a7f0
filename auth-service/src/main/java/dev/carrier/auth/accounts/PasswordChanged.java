package dev.carrier.auth.accounts;

/**
 * A user's password was changed from the session holding {@code keptToken} (null: none);
 * every other session must end. Published in-process, and heard before the change is
 * answered.
 */
public record PasswordChanged(String userId, String keptToken) {

	@Override
	public String toString() {
		return "PasswordChanged[userId=" + this.userId + "]";
	}

}
