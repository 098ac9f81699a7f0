package dev.carrier.persistence.snapshots;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.carrier.persistence.hiding.HiddenChats;
import dev.carrier.persistence.messages.MessageService;
import dev.carrier.persistence.messages.MessageView;
import dev.carrier.persistence.messages.RecentMessages;
import dev.carrier.persistence.reads.ReadPosition;
import dev.carrier.persistence.reads.ReadPositions;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads everything a set of chats needs in chat-service's cache with a handful of
 * set-based queries.
 */
@Component
class SnapshotLoader {

	private final JdbcTemplate jdbc;

	private final MessageService messages;

	private final ReadPositions reads;

	private final HiddenChats hidden;

	SnapshotLoader(JdbcTemplate jdbc, MessageService messages, ReadPositions reads, HiddenChats hidden) {
		this.jdbc = jdbc;
		this.messages = messages;
		this.reads = reads;
		this.hidden = hidden;
	}

	List<String> chatIdsOf(String userId) {
		return this.jdbc.queryForList("SELECT chat_id FROM chat_members WHERE user_id = ?", String.class, userId);
	}

	boolean isMember(String chatId, String userId) {
		return !this.jdbc
			.queryForList("SELECT 1 FROM chat_members WHERE chat_id = ? AND user_id = ?", Integer.class, chatId, userId)
			.isEmpty();
	}

	/**
	 * Hands out a new generation for each chat (the row lock orders concurrent snapshots
	 * of one chat) and reads them in the same transaction.
	 */
	@Transactional
	public List<CacheSnapshot> load(Collection<String> chatIds, int recentCount, int clientIdWindow) {
		if (chatIds.isEmpty()) {
			return List.of();
		}
		String in = String.join(",", Collections.nCopies(chatIds.size(), "?"));
		Object[] ids = chatIds.toArray();
		this.jdbc.update("UPDATE chats SET generation = generation + 1 WHERE id IN (" + in + ")", ids);
		Map<String, List<String>> members = new HashMap<>();
		this.jdbc.query(
				"SELECT chat_id, user_id FROM chat_members WHERE chat_id IN (" + in + ") ORDER BY chat_id, user_id",
				(row) -> {
					members.computeIfAbsent(row.getString(1), (id) -> new ArrayList<>()).add(row.getString(2));
				}, ids);
		Map<String, Long> maxSeqs = this.messages.maxSeqs(chatIds);
		RecentMessages recent = this.messages.recent(maxSeqs, recentCount, clientIdWindow);
		Map<String, Map<String, Long>> readPositions = new HashMap<>();
		for (ReadPosition position : this.reads.of(chatIds)) {
			readPositions.computeIfAbsent(position.chatId(), (id) -> new LinkedHashMap<>())
				.put(position.userId(), position.seq());
		}
		Map<String, Map<String, Long>> hiddenSeqs = this.hidden.hiddenSeqs(chatIds);
		List<CacheSnapshot> chats = new ArrayList<>();
		this.jdbc.query("SELECT id, type, name, direct_key, created_at, last_seq, generation FROM chats WHERE id IN ("
				+ in + ")", (row) -> {
					String id = row.getString(1);
					Timestamp createdAt = row.getTimestamp(5);
					// a seq handed out but never stored still must not be handed out
					// again
					long lastSeq = Math.max(row.getLong(6), maxSeqs.getOrDefault(id, 0L));
					List<MessageView> newest = recent.messages().getOrDefault(id, List.of());
					long lastActivity = createdAt.toInstant().toEpochMilli();
					for (MessageView message : newest) {
						if (message.sentAt() != null) {
							lastActivity = Math.max(lastActivity, message.sentAt().toEpochMilli());
						}
					}
					chats.add(new CacheSnapshot(id, row.getString(2), row.getString(3), row.getString(4),
							createdAt.toInstant(), lastSeq, row.getLong(7), members.getOrDefault(id, List.of()), newest,
							recent.clientIds().getOrDefault(id, Map.of()), readPositions.getOrDefault(id, Map.of()),
							lastActivity, hiddenSeqs.getOrDefault(id, Map.of())));
				}, ids);
		return chats;
	}

}
