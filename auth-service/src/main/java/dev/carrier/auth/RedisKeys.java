package dev.carrier.auth;

/**
 * Every Redis key auth-service touches (docs/architecture.md, "Redis keys"). Index keys
 * hold the name as {@link LoginNames#normalize} gives it, so that usernames and emails
 * are unique case-insensitively and whatever spaces surround them.
 */
public final class RedisKeys {

	private static final String PREFIX = "carrier:auth:";

	/**
	 * Pub/sub channel, not a key: the SHA-256 (hex) of each ended session's token,
	 * published as the session is closed, so every gateway drops it from its token cache
	 * at once.
	 */
	public static final String SESSIONS_ENDED_CHANNEL = PREFIX + "sessions-ended";

	/**
	 * On {@link #SESSIONS_ENDED_CHANNEL}: every session may have ended (the store was
	 * lost).
	 */
	public static final String ALL_SESSIONS_ENDED = "*";

	/**
	 * A key that lives as long as the session store's contents: when it is gone, so may
	 * be every session (a FLUSHALL, or a restart without persistence), and the gateways
	 * are told.
	 */
	public static final String STORE_MARKER = PREFIX + "store-marker";

	private RedisKeys() {
	}

	public static String user(String userId) {
		return PREFIX + "user:" + userId;
	}

	public static String username(String username) {
		return PREFIX + "username:" + LoginNames.normalize(username);
	}

	public static String email(String email) {
		return PREFIX + "email:" + LoginNames.normalize(email);
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

	/**
	 * Login attempts for one name (username or email, normalized), whether or not it has
	 * an account.
	 */
	public static String loginAttempts(String loginName) {
		return PREFIX + "attempts:login:" + LoginNames.normalize(loginName);
	}

	/** Wrong current passwords given to a password change of one account. */
	public static String passwordChangeAttempts(String userId) {
		return PREFIX + "attempts:password-change:" + userId;
	}

}
