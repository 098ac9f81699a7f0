package dev.carrier.persistence.chats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.carrier.persistence.SqlTimes;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Batch writes of chats and their members. A chat's row is a snapshot (the newest one
 * written wins); {@code last_seq} only grows, and never stays below a message already
 * stored.
 */
@Repository
class ChatStore {

	private static final String UPSERT_CHAT = """
			INSERT INTO chats (id, type, name, direct_key, created_at, last_seq)
			VALUES (?, ?, ?, ?, ?, GREATEST(?, (SELECT COALESCE(MAX(m.seq), 0) FROM messages m WHERE m.chat_id = ?)))
			ON DUPLICATE KEY UPDATE
				type = VALUES(type),
				name = VALUES(name),
				direct_key = COALESCE(VALUES(direct_key), direct_key),
				last_seq = GREATEST(last_seq, VALUES(last_seq))
			""";

	private static final String RAISE_LAST_SEQ = "UPDATE chats SET last_seq = GREATEST(last_seq, ?) WHERE id = ?";

	private final JdbcTemplate jdbc;

	ChatStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Writes the chats and replaces each one's member set with the snapshot's. Snapshots
	 * come in event order; when a batch holds several of one chat only the last counts
	 * (otherwise their member sets would be merged, and a removed member would stay).
	 */
	public void upsertChats(List<ChatSnapshot> snapshots) {
		Map<String, ChatSnapshot> latest = new LinkedHashMap<>();
		snapshots.forEach((snapshot) -> latest.put(snapshot.id(), snapshot));
		List<ChatSnapshot> chats = List.copyOf(latest.values());
		this.jdbc.batchUpdate(UPSERT_CHAT, chats, chats.size(), (statement, chat) -> {
			statement.setString(1, chat.id());
			statement.setString(2, chat.type());
			statement.setString(3, chat.name());
			statement.setString(4, chat.directKey());
			statement.setString(5, SqlTimes.utc(chat.createdAt()));
			statement.setLong(6, chat.lastSeq());
			statement.setString(7, chat.id());
		});
		this.jdbc.batchUpdate("DELETE FROM chat_members WHERE chat_id = ?", chats, chats.size(),
				(statement, chat) -> statement.setString(1, chat.id()));
		List<String[]> members = new ArrayList<>();
		for (ChatSnapshot chat : chats) {
			for (String memberId : chat.memberIds()) {
				members.add(new String[] { chat.id(), memberId });
			}
		}
		this.jdbc.batchUpdate("INSERT IGNORE INTO chat_members (chat_id, user_id) VALUES (?, ?)", members,
				members.size(), (statement, member) -> {
					statement.setString(1, member[0]);
					statement.setString(2, member[1]);
				});
	}

	/**
	 * Raises each chat's {@code last_seq} to at least the given seq (a chat not stored
	 * yet is skipped).
	 */
	public void raiseLastSeqs(Map<String, Long> lastSeqs) {
		List<Map.Entry<String, Long>> rows = List.copyOf(lastSeqs.entrySet());
		this.jdbc.batchUpdate(RAISE_LAST_SEQ, rows, rows.size(), (statement, row) -> {
			statement.setLong(1, row.getValue());
			statement.setString(2, row.getKey());
		});
	}

	boolean exists(String chatId) {
		return !this.jdbc.queryForList("SELECT 1 FROM chats WHERE id = ?", Integer.class, chatId).isEmpty();
	}

	/**
	 * The highest seq MySQL holds for the chat, which is what a read-through may promise
	 * (a chat's {@code last_seq} may be ahead of the messages consumed so far). The same
	 * query {@link #UPSERT_CHAT} runs, so chats need not ask the messages feature.
	 */
	long storedLastSeq(String chatId) {
		Long max = this.jdbc.queryForObject("SELECT MAX(seq) FROM messages WHERE chat_id = ?", Long.class, chatId);
		return (max != null) ? max : 0;
	}

	public Optional<String> directChatId(String directKey) {
		return this.jdbc.queryForList("SELECT id FROM chats WHERE direct_key = ?", String.class, directKey)
			.stream()
			.findFirst();
	}

	/**
	 * The direct key of a pair: {@code <smallerUserId>:<largerUserId>}, as chat-service
	 * builds it.
	 */
	public static String directKey(String userA, String userB) {
		return (userA.compareTo(userB) <= 0) ? userA + ":" + userB : userB + ":" + userA;
	}

}
