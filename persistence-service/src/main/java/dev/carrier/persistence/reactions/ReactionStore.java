package dev.carrier.persistence.reactions;

import java.util.ArrayList;
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
 * Reactions, one row per (message, emoji, user), written idempotently in any order: the
 * change with the latest {@code changed_at} decides whether the reaction is present.
 */
@Repository
class ReactionStore {

	/*
	 * present is decided from the OLD changed_at before it changes (assignments run left
	 * to right). An older change that arrives later changes nothing; the same change
	 * twice changes nothing. On a tie the later arrival wins: two changes of one user in
	 * one millisecond come in the order chat-service published them (one chat, one
	 * partition).
	 */
	private static final String UPSERT = """
			INSERT INTO message_reactions (message_id, emoji, user_id, present, changed_at)
			VALUES (?, ?, ?, ?, ?)
			ON DUPLICATE KEY UPDATE
				present = IF(VALUES(changed_at) >= changed_at, VALUES(present), present),
				changed_at = GREATEST(changed_at, VALUES(changed_at))
			""";

	private final JdbcTemplate jdbc;

	ReactionStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void upsert(List<ReactionChange> changes) {
		this.jdbc.batchUpdate(UPSERT, changes, changes.size(), (statement, change) -> {
			statement.setString(1, change.messageId());
			statement.setString(2, change.emoji());
			statement.setString(3, change.userId());
			statement.setBoolean(4, change.present());
			statement.setString(5, SqlTimes.utc(change.changedAt()));
		});
	}

	/**
	 * The present reactions of these messages, in one query: per message, each emoji in
	 * the order of its earliest present reaction, and its users in the order they
	 * reacted.
	 */
	Map<String, List<Reaction>> present(Collection<String> messageIds) {
		Map<String, Map<String, List<String>>> byMessage = new HashMap<>();
		if (messageIds.isEmpty()) {
			return Map.of();
		}
		String in = String.join(",", Collections.nCopies(messageIds.size(), "?"));
		// rows come in changed_at order, so an emoji's first row is its earliest reaction
		this.jdbc.query("SELECT message_id, emoji, user_id FROM message_reactions WHERE present AND message_id IN ("
				+ in + ") ORDER BY message_id, changed_at, emoji, user_id", (row) -> {
					byMessage.computeIfAbsent(row.getString(1), (id) -> new LinkedHashMap<>())
						.computeIfAbsent(row.getString(2), (emoji) -> new ArrayList<>())
						.add(row.getString(3));
				}, messageIds.toArray());
		Map<String, List<Reaction>> reactions = new HashMap<>();
		byMessage.forEach((messageId, emojis) -> reactions.put(messageId, emojis.entrySet()
			.stream()
			.map((emoji) -> new Reaction(emoji.getKey(), emoji.getValue().size(), List.copyOf(emoji.getValue())))
			.toList()));
		return reactions;
	}

}
