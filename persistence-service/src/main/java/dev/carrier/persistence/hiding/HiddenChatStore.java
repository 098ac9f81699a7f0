package dev.carrier.persistence.hiding;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.carrier.persistence.SqlTimes;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Hidden chats, one row per (chat, user), written idempotently in any order: the change
 * with the latest {@code changed_at} decides whether the chat is hidden and at which seq.
 */
@Repository
class HiddenChatStore {

	/*
	 * hidden and hidden_seq are decided from the OLD changed_at before it changes
	 * (assignments run left to right). An older change that arrives later changes
	 * nothing; the same change twice changes nothing. On a tie the later arrival wins:
	 * two changes of one user in one millisecond come in the order chat-service published
	 * them (one chat, one partition).
	 */
	private static final String UPSERT = """
			INSERT INTO hidden_chats (chat_id, user_id, hidden, hidden_seq, changed_at)
			VALUES (?, ?, ?, ?, ?)
			ON DUPLICATE KEY UPDATE
				hidden = IF(VALUES(changed_at) >= changed_at, VALUES(hidden), hidden),
				hidden_seq = IF(VALUES(changed_at) >= changed_at, VALUES(hidden_seq), hidden_seq),
				changed_at = GREATEST(changed_at, VALUES(changed_at))
			""";

	private final JdbcTemplate jdbc;

	HiddenChatStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void upsert(List<HiddenChatChange> changes) {
		this.jdbc.batchUpdate(UPSERT, changes, changes.size(), (statement, change) -> {
			statement.setString(1, change.chatId());
			statement.setString(2, change.userId());
			statement.setBoolean(3, change.hidden());
			statement.setLong(4, change.hiddenSeq());
			statement.setString(5, SqlTimes.utc(change.changedAt()));
		});
	}

	/**
	 * Per chat, the seq each user who has it hidden hid it at, in one query for all of
	 * them; chats nobody has hidden are left out.
	 */
	Map<String, Map<String, Long>> hiddenSeqs(Collection<String> chatIds) {
		if (chatIds.isEmpty()) {
			return Map.of();
		}
		Map<String, Map<String, Long>> byChat = new HashMap<>();
		String in = String.join(",", Collections.nCopies(chatIds.size(), "?"));
		this.jdbc.query("SELECT chat_id, user_id, hidden_seq FROM hidden_chats WHERE hidden AND chat_id IN (" + in
				+ ") ORDER BY chat_id, user_id", (row) -> {
					byChat.computeIfAbsent(row.getString(1), (id) -> new LinkedHashMap<>())
						.put(row.getString(2), row.getLong(3));
				}, chatIds.toArray());
		return byChat;
	}

}
