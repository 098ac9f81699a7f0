package dev.carrier.persistence.attachments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.carrier.persistence.SqlTimes;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** The {@code attachments} table (V9). */
@Component
class AttachmentStore {

	private static final String METADATA = "id, name, type, size, width, height, chat_id, uploader_id, claim_key";

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	AttachmentStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(jdbc);
	}

	/** A new upload; a repeated id (a retried upload) keeps the row stored first. */
	void insert(String chatId, String uploaderId, Attachment attachment, byte[] bytes, Thumbnails.Thumbnail thumbnail,
			Instant now) {
		this.jdbc.update(
				"INSERT INTO attachments (id, chat_id, uploader_id, name, type, size, width, height, bytes, "
						+ "thumbnail, thumbnail_type, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
						+ "ON DUPLICATE KEY UPDATE id = id",
				attachment.id(), chatId, uploaderId, attachment.name(), attachment.type(), attachment.size(),
				attachment.width(), attachment.height(), bytes, (thumbnail != null) ? thumbnail.bytes() : null,
				(thumbnail != null) ? thumbnail.type() : null, SqlTimes.utc(now));
	}

	Optional<AttachmentAccess> find(String id) {
		// a deleted message takes its attachments with it: no longer claimed, so only the
		// uploader may still read them
		return this.jdbc
			.query("SELECT id, name, type, size, width, height, chat_id, uploader_id, "
					+ "CASE WHEN EXISTS (SELECT 1 FROM messages m WHERE m.id = a.message_id AND m.deleted) "
					+ "THEN NULL ELSE claim_key END AS claim_key FROM attachments a WHERE id = ?",
					AttachmentStore::access, id)
			.stream()
			.findFirst();
	}

	/** The stored bytes and their type, or the thumbnail's. */
	record Content(String type, byte[] bytes) {
	}

	Optional<Content> bytes(String id) {
		return this.jdbc
			.query("SELECT type, bytes FROM attachments WHERE id = ?",
					(row, n) -> new Content(row.getString(1), row.getBytes(2)), id)
			.stream()
			.findFirst();
	}

	Optional<Content> thumbnail(String id) {
		return this.jdbc
			.query("SELECT thumbnail_type, thumbnail FROM attachments WHERE id = ? AND thumbnail IS NOT NULL",
					(row, n) -> new Content(row.getString(1), row.getBytes(2)), id)
			.stream()
			.findFirst();
	}

	/**
	 * Claims these attachments for one send, atomically per row: only those of this chat
	 * and uploader that no other send holds.
	 * @return how many rows matched (a row the same send already holds counts)
	 */
	int claim(String chatId, String uploaderId, String claimKey, Collection<String> ids) {
		MapSqlParameterSource parameters = new MapSqlParameterSource().addValue("ids", ids)
			.addValue("chatId", chatId)
			.addValue("uploaderId", uploaderId)
			.addValue("claimKey", claimKey);
		// Connector/J reports matched rows, so a row this send already holds counts too
		return this.named.update("UPDATE attachments SET claim_key = :claimKey WHERE id IN (:ids) "
				+ "AND chat_id = :chatId AND uploader_id = :uploaderId "
				+ "AND (claim_key IS NULL OR claim_key = :claimKey)", parameters);
	}

	List<Attachment> byIds(Collection<String> ids) {
		return this.named.query("SELECT " + METADATA + " FROM attachments WHERE id IN (:ids)", Map.of("ids", ids),
				(row, n) -> access(row, n).attachment());
	}

	/**
	 * Records which message claimed attachments went out with, in the order it lists
	 * them.
	 */
	void link(String messageId, String chatId, String senderId, List<String> ids) {
		List<Object[]> rows = new java.util.ArrayList<>();
		for (int i = 0; i < ids.size(); i++) {
			rows.add(new Object[] { messageId, i, ids.get(i), chatId, senderId });
		}
		this.jdbc.batchUpdate("UPDATE attachments SET message_id = ?, position = ? WHERE id = ? AND chat_id = ? "
				+ "AND uploader_id = ? AND message_id IS NULL", rows);
	}

	/**
	 * The attachments of each of these messages that has any, in the order they were
	 * sent.
	 */
	Map<String, List<Attachment>> ofMessages(Collection<String> messageIds) {
		if (messageIds.isEmpty()) {
			return Collections.emptyMap();
		}
		Map<String, List<Attachment>> result = new LinkedHashMap<>();
		this.named.query("SELECT message_id, " + METADATA + " FROM attachments WHERE message_id IN (:ids) "
				+ "ORDER BY message_id, position, id", Map.of("ids", messageIds), (row) -> {
					result.computeIfAbsent(row.getString("message_id"), (key) -> new java.util.ArrayList<>())
						.add(access(row, 0).attachment());
				});
		return result;
	}

	private static AttachmentAccess access(ResultSet row, int rowNumber) throws SQLException {
		Attachment attachment = new Attachment(row.getString("id"), row.getString("name"), row.getString("type"),
				row.getLong("size"), (Integer) row.getObject("width", Integer.class),
				(Integer) row.getObject("height", Integer.class));
		return new AttachmentAccess(attachment, row.getString("chat_id"), row.getString("uploader_id"),
				row.getString("claim_key") != null);
	}

}
