package dev.carrier.persistence.chats;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes chats straight into the durable record, as the chat events would, for the tests
 * of the features that read them; the store itself stays package-private.
 */
public class StoredChats {

	private final ChatStore store;

	public StoredChats(JdbcTemplate jdbc) {
		this.store = new ChatStore(jdbc);
	}

	public void upsertChats(List<ChatSnapshot> chats) {
		this.store.upsertChats(chats);
	}

	public static String directKey(String userA, String userB) {
		return ChatStore.directKey(userA, userB);
	}

}
