package dev.carrier.persistence.messages;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.carrier.persistence.SqlTimes;
import dev.carrier.persistence.events.SystemLine;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Batch writes of messages, idempotent in any order: a message-sent after its
 * message-deleted keeps the tombstone (empty text, deleted), a delete after the message
 * empties it, an edit replaces the text unless the row holds a later edit, and the same
 * write twice changes nothing. A write that would give a seq to a second message fails
 * (see {@link #UPSERT}) instead of being folded into the first. The id of the message a
 * reply answers comes with its send only, so whatever row the send meets (a tombstone, an
 * edit) takes it, and no later write clears it.
 */
@Repository
class MessageStore {

	/*
	 * Assignments run left to right. The first is a guard: the row met may be another
	 * message that holds the same (chat_id, seq); then seq becomes NULL, which the NOT
	 * NULL column refuses (the session is strict), so the collision fails the write
	 * instead of silently keeping the other message. Text is decided from the OLD deleted
	 * flag and edited_at before they change: an edit's row (edited_at set) replaces the
	 * text unless the row holds a later edit; a send's row (edited_at NULL) never
	 * replaces an edited text that arrived first.
	 */
	private static final String UPSERT = """
			INSERT INTO messages (id, chat_id, seq, sender_id, text, sent_at, deleted, client_message_id, generation,
				edited_at, reply_to_id, mentions, system_type, system_user_ids, system_names)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON DUPLICATE KEY UPDATE
				seq = IF(id = VALUES(id), seq, NULL),
				mentions = IF(deleted OR VALUES(deleted), NULL,
					IF(VALUES(edited_at) >= COALESCE(edited_at, VALUES(edited_at)), VALUES(mentions), mentions)),
				text = IF(deleted OR VALUES(deleted), '',
					IF(VALUES(edited_at) >= COALESCE(edited_at, VALUES(edited_at)), VALUES(text), text)),
				deleted = deleted OR VALUES(deleted),
				sent_at = COALESCE(sent_at, VALUES(sent_at)),
				client_message_id = COALESCE(client_message_id, VALUES(client_message_id)),
				reply_to_id = COALESCE(reply_to_id, VALUES(reply_to_id)),
				system_user_ids = IF(system_type IS NULL, VALUES(system_user_ids), system_user_ids),
				system_names = IF(system_type IS NULL, VALUES(system_names), system_names),
				system_type = COALESCE(system_type, VALUES(system_type)),
				edited_at = GREATEST(COALESCE(edited_at, VALUES(edited_at)), COALESCE(VALUES(edited_at), edited_at))
			""";

	private static final String ROW_COLUMNS = "SELECT id, chat_id, seq, sender_id, text, sent_at, deleted, edited_at,"
			+ " reply_to_id, client_message_id, mentions, system_type, system_user_ids, system_names FROM messages";

	private final JdbcTemplate jdbc;

	MessageStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public void upsert(List<StoredMessage> messages) {
		this.jdbc.batchUpdate(UPSERT, messages, messages.size(), (statement, message) -> {
			statement.setString(1, message.id());
			statement.setString(2, message.chatId());
			statement.setLong(3, message.seq());
			statement.setString(4, message.senderId());
			statement.setString(5, message.deleted() ? "" : message.text());
			statement.setString(6, SqlTimes.utc(message.sentAt()));
			statement.setBoolean(7, message.deleted());
			statement.setString(8, message.clientMessageId());
			statement.setLong(9, message.generation());
			statement.setString(10, SqlTimes.utc(message.editedAt()));
			statement.setString(11, message.replyToId());
			statement.setString(12,
					(message.deleted() || message.mentions().isEmpty()) ? null : String.join(",", message.mentions()));
			statement.setString(13, (message.system() != null) ? message.system().type() : null);
			statement.setString(14, (message.system() != null) ? String.join(",", message.system().userIds()) : null);
			statement.setString(15, (message.system() != null) ? message.system().namesColumn() : null);
		});
	}

	/** The messages MySQL holds at the given (chat, seq) slots. */
	public List<StoredMessage> holders(Collection<StoredMessage> slots) {
		if (slots.isEmpty()) {
			return List.of();
		}
		String where = String.join(" OR ", java.util.Collections.nCopies(slots.size(), "(chat_id = ? AND seq = ?)"));
		List<Object> args = new ArrayList<>();
		slots.forEach((slot) -> {
			args.add(slot.chatId());
			args.add(slot.seq());
		});
		return this.jdbc
			.query("SELECT id, chat_id, seq, sender_id, text, sent_at, deleted, client_message_id, generation,"
					+ " reply_to_id, mentions, system_type, system_user_ids, system_names FROM messages WHERE " + where,
					(row, n) -> {
						Timestamp sentAt = row.getTimestamp(6);
						return new StoredMessage(row.getString(1), row.getString(2), row.getLong(3), row.getString(4),
								row.getString(5), (sentAt != null) ? sentAt.toInstant() : null, row.getBoolean(7),
								row.getString(8), row.getLong(9), null, row.getString(10),
								MessageRow.mentions(row.getString(11)),
								SystemLine.fromColumns(row.getString(12), row.getString(13), row.getString(14)));
					}, args.toArray());
	}

	public void delete(Collection<String> ids) {
		this.jdbc.batchUpdate("DELETE FROM messages WHERE id = ?", List.copyOf(ids), ids.size(),
				(statement, id) -> statement.setString(1, id));
	}

	public long maxSeq(String chatId) {
		Long max = this.jdbc.queryForObject("SELECT MAX(seq) FROM messages WHERE chat_id = ?", Long.class, chatId);
		return (max != null) ? max : 0;
	}

	public Map<String, Long> maxSeqs(Collection<String> chatIds) {
		Map<String, Long> maxSeqs = new HashMap<>();
		if (chatIds.isEmpty()) {
			return maxSeqs;
		}
		String in = String.join(",", java.util.Collections.nCopies(chatIds.size(), "?"));
		this.jdbc.query("SELECT chat_id, MAX(seq) FROM messages WHERE chat_id IN (" + in + ") GROUP BY chat_id",
				(row) -> {
					maxSeqs.put(row.getString(1), row.getLong(2));
				}, chatIds.toArray());
		return maxSeqs;
	}

	/**
	 * The newest {@code count} messages of each chat (seq above its last seq minus
	 * count), read as ranges of the paging index, oldest first per chat.
	 */
	public List<MessageRow> recent(Map<String, Long> lastSeqs, int count) {
		List<Map.Entry<String, Long>> chats = lastSeqs.entrySet().stream().filter((e) -> e.getValue() > 0).toList();
		if (chats.isEmpty()) {
			return List.of();
		}
		StringBuilder where = new StringBuilder();
		List<Object> args = new ArrayList<>();
		for (Map.Entry<String, Long> chat : chats) {
			where.append((where.isEmpty()) ? "" : " OR ").append("(chat_id = ? AND seq > ?)");
			args.add(chat.getKey());
			args.add(chat.getValue() - count);
		}
		return this.jdbc.query(ROW_COLUMNS + " WHERE " + where + " ORDER BY chat_id, seq", MessageStore::row,
				args.toArray());
	}

	/** These messages, by id, those MySQL holds. */
	public Map<String, MessageRow> byIds(Collection<String> ids) {
		Map<String, MessageRow> rows = new HashMap<>();
		if (ids.isEmpty()) {
			return rows;
		}
		String in = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
		this.jdbc.query(ROW_COLUMNS + " WHERE id IN (" + in + ")", MessageStore::row, ids.toArray())
			.forEach((row) -> rows.put(row.id(), row));
		return rows;
	}

	private static MessageRow row(ResultSet row, int n) throws SQLException {
		Timestamp sentAt = row.getTimestamp(6);
		Timestamp editedAt = row.getTimestamp(8);
		return new MessageRow(row.getString(1), row.getString(2), row.getLong(3), row.getString(4), row.getString(5),
				(sentAt != null) ? sentAt.toInstant() : null, row.getBoolean(7),
				(editedAt != null) ? editedAt.toInstant() : null, row.getString(9), row.getString(10),
				MessageRow.mentions(row.getString(11)),
				SystemLine.fromColumns(row.getString(12), row.getString(13), row.getString(14)));
	}

}
