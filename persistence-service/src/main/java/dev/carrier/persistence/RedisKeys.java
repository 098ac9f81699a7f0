package dev.carrier.persistence;

import java.util.List;

/**
 * Every Redis key this service touches. They belong to chat-service ({@code carrier:chat:*},
 * docs/architecture.md): persistence-service writes them when it hydrates a chat and deletes them
 * when it evicts one, so the names must stay exactly chat-service's.
 */
public final class RedisKeys {

	private static final String PREFIX = "carrier:chat:";

	private RedisKeys() {
	}

	public static String chat(String chatId) {
		return PREFIX + "chat:" + chatId;
	}

	public static String members(String chatId) {
		return PREFIX + "members:" + chatId;
	}

	public static String messages(String chatId) {
		return PREFIX + "messages:" + chatId;
	}

	public static String clientIds(String chatId) {
		return PREFIX + "client-ids:" + chatId;
	}

	public static String read(String chatId) {
		return PREFIX + "read:" + chatId;
	}

	public static String lease(String chatId) {
		return PREFIX + "lease:" + chatId;
	}

	public static String direct(String directKey) {
		return PREFIX + "direct:" + directKey;
	}

	public static String userChats(String userId) {
		return PREFIX + "user-chats:" + userId;
	}

	/** The keys an eviction deletes: everything named by the chat id except the lease. */
	public static List<String> evictable(String chatId) {
		return List.of(chat(chatId), members(chatId), messages(chatId), clientIds(chatId), read(chatId));
	}

	/** Field names of the {@link #chat(String)} hash. */
	public static final class ChatHash {

		public static final String ID = "id";

		public static final String TYPE = "type";

		public static final String NAME = "name";

		public static final String CREATED_AT = "createdAt";

		public static final String LAST_SEQ = "lastSeq";

		public static final String LAST_ACTIVITY_AT = "lastActivityAt";

		private ChatHash() {
		}

	}

}
