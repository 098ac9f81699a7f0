package dev.carrier.chat;

/**
 * Every Redis key and channel chat-service touches (docs/architecture.md, "Redis keys").
 * No other service reads or writes them: persistence-service answers snapshots over REST
 * and reports what is durable over Kafka, and chat-service alone installs and evicts.
 */
public final class RedisKeys {

	public static final String CHAT_PREFIX = "carrier:chat:chat:";

	public static final String LEASE_PREFIX = "carrier:chat:lease:";

	public static final String EVENTS_CHANNEL = "carrier:chat:events";

	/**
	 * A field of the chat hash per member who hid the chat: {@code hidden:<userId>} → the
	 * chat's last seq then.
	 */
	public static final String HIDDEN_FIELD_PREFIX = "hidden:";

	/** Held by the instance that sweeps, so one sweep runs at a time. */
	public static final String SWEEPER_LOCK = "carrier:chat:sweeper-lock";

	/** Redis publishes every expired key's name here (notify-keyspace-events Ex). */
	public static final String EXPIRED_KEY_EVENTS = "__keyevent@*__:expired";

	/**
	 * Every user with a presence entry, scored by the latest expiry of any of them: the
	 * presence sweep reads those whose score passed.
	 */
	public static final String PRESENCE_ONLINE = "carrier:chat:presence-online";

	/** userId → epoch millis of the user's last live moment (heartbeat or logout). */
	public static final String LAST_SEEN = "carrier:chat:last-seen";

	private RedisKeys() {
	}

	public static String chat(String chatId) {
		return CHAT_PREFIX + chatId;
	}

	public static String members(String chatId) {
		return "carrier:chat:members:" + chatId;
	}

	public static String messages(String chatId) {
		return "carrier:chat:messages:" + chatId;
	}

	public static String clientIds(String chatId) {
		return "carrier:chat:client-ids:" + chatId;
	}

	public static String read(String chatId) {
		return "carrier:chat:read:" + chatId;
	}

	/**
	 * Held while one reload of the chat is in progress (begin-reload.lua,
	 * install-snapshot.lua).
	 */
	public static String reloadClaim(String chatId) {
		return "carrier:chat:reload:" + chatId;
	}

	public static String lease(String chatId) {
		return LEASE_PREFIX + chatId;
	}

	/** The pair's key, whatever order the two ids come in. */
	public static String direct(String userA, String userB) {
		return "carrier:chat:direct:" + directKey(userA, userB);
	}

	public static String directKey(String userA, String userB) {
		return (userA.compareTo(userB) <= 0) ? userA + ":" + userB : userB + ":" + userA;
	}

	/** Prefix of {@link #userChats}; send-message.lua names members' keys with it. */
	public static final String USER_CHATS_PREFIX = "carrier:chat:user-chats:";

	public static String userChats(String userId) {
		return USER_CHATS_PREFIX + userId;
	}

	/** instanceId → expiry (epoch millis) of that instance's heartbeat for the user. */
	public static String presence(String userId) {
		return "carrier:chat:presence:" + userId;
	}

}
