package dev.carrier.auth;

import java.util.Locale;

/**
 * Every Redis key auth-service touches (docs/architecture.md, "Redis keys"). Index keys are
 * lowercase so that usernames and emails are unique case-insensitively.
 */
public final class RedisKeys {

	private static final String PREFIX = "carrier:auth:";

	private RedisKeys() {
	}

	public static String user(String userId) {
		return PREFIX + "user:" + userId;
	}

	public static String username(String username) {
		return PREFIX + "username:" + username.toLowerCase(Locale.ROOT);
	}

	public static String email(String email) {
		return PREFIX + "email:" + email.toLowerCase(Locale.ROOT);
	}

	public static String avatar(String userId) {
		return PREFIX + "avatar:" + userId;
	}

	public static String session(String tokenHash) {
		return PREFIX + "session:" + tokenHash;
	}

	public static String userSessions(String userId) {
		return PREFIX + "user-sessions:" + userId;
	}

}
