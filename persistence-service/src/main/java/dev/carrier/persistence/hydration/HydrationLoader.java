package dev.carrier.persistence.hydration;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.carrier.persistence.messages.MessageStore;
import dev.carrier.persistence.messages.MessageStore.RecentMessage;
import dev.carrier.persistence.reads.ReadPositionStore;
import dev.carrier.persistence.reads.ReadPositionStore.ReadPosition;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads everything a set of chats needs in Redis with a handful of set-based queries. */
@Component
class HydrationLoader {

	private final JdbcTemplate jdbc;

	private final MessageStore messages;

	private final ReadPositionStore reads;

	HydrationLoader(JdbcTemplate jdbc, MessageStore messages, ReadPositionStore reads) {
		this.jdbc = jdbc;
		this.messages = messages;
		this.reads = reads;
	}

	List<String> chatIdsOf(String userId) {
		return this.jdbc.queryForList("SELECT chat_id FROM chat_members WHERE user_id = ?", String.class, userId);
	}

	boolean chatExists(String chatId) {
		return !this.jdbc.queryForList("SELECT 1 FROM chats WHERE id = ?", Integer.class, chatId).isEmpty();
	}

	@Transactional(readOnly = true)
	public List<HydratedChat> load(Collection<String> chatIds, int recentMessages) {
		if (chatIds.isEmpty()) {
			return List.of();
		}
		String in = String.join(",", Collections.nCopies(chatIds.size(), "?"));
		Object[] ids = chatIds.toArray();
		Map<String, List<String>> members = new HashMap<>();
		this.jdbc.query("SELECT chat_id, user_id FROM chat_members WHERE chat_id IN (" + in + ") ORDER BY chat_id, user_id",
				(row) -> {
					members.computeIfAbsent(row.getString(1), (id) -> new ArrayList<>()).add(row.getString(2));
				}, ids);
		Map<String, Long> maxSeqs = this.messages.maxSeqs(chatIds);
		Map<String, List<RecentMessage>> recent = new HashMap<>();
		for (RecentMessage message : this.messages.recent(maxSeqs, recentMessages)) {
			recent.computeIfAbsent(message.message().chatId(), (id) -> new ArrayList<>()).add(message);
		}
		Map<String, Map<String, Long>> readPositions = new HashMap<>();
		for (ReadPosition position : this.reads.of(chatIds)) {
			readPositions.computeIfAbsent(position.chatId(), (id) -> new LinkedHashMap<>())
				.put(position.userId(), position.seq());
		}
		List<HydratedChat> chats = new ArrayList<>();
		this.jdbc.query("SELECT id, type, name, direct_key, created_at, last_seq FROM chats WHERE id IN (" + in + ")",
				(row) -> {
					String id = row.getString(1);
					Timestamp createdAt = row.getTimestamp(5);
					// a seq handed out but never stored still must not be handed out again
					long lastSeq = Math.max(row.getLong(6), maxSeqs.getOrDefault(id, 0L));
					chats.add(new HydratedChat(id, row.getString(2), row.getString(3), row.getString(4),
							createdAt.toInstant(), lastSeq, members.getOrDefault(id, List.of()),
							recent.getOrDefault(id, List.of()), readPositions.getOrDefault(id, Map.of())));
				}, ids);
		return chats;
	}

}
