package dev.carrier.chat.cache;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.carrier.chat.RedisKeys;
import dev.carrier.chat.shared.ChatType;

import tools.jackson.databind.json.JsonMapper;

/**
 * A snapshot as install-snapshot.lua reads it (its ARGV[2], decoded with cjson): every
 * scalar a string, messages as the cached list stores them.
 */
record SnapshotArgument(String id, ChatType type, String name, String createdAt, String lastSeq, String generation,
		String lastActivityAt, List<String> memberIds, List<String> messages, Map<String, String> clientIds,
		Map<String, String> reads, Map<String, String> hidden) {

	static SnapshotArgument of(CacheSnapshot snapshot, JsonMapper json) {
		Map<String, String> reads = new LinkedHashMap<>();
		snapshot.readPositions().forEach((userId, seq) -> reads.put(userId, String.valueOf(seq)));
		Map<String, String> hidden = new LinkedHashMap<>();
		snapshot.hiddenSeqs()
			.forEach((userId, seq) -> hidden.put(RedisKeys.HIDDEN_FIELD_PREFIX + userId, String.valueOf(seq)));
		return new SnapshotArgument(snapshot.id(), snapshot.type(), (snapshot.name() != null) ? snapshot.name() : "",
				snapshot.createdAt().toString(), String.valueOf(snapshot.lastSeq()),
				String.valueOf(snapshot.generation()), String.valueOf(snapshot.lastActivityAt()), snapshot.memberIds(),
				contiguousTail(snapshot).stream().map(json::writeValueAsString).toList(), snapshot.clientIds(), reads,
				hidden);
	}

	/**
	 * The newest messages whose seqs run without a gap up to the chat's lastSeq: the
	 * cached list finds entries by seq arithmetic, so it must never hold a gap (MySQL may
	 * have one where a send never reached Kafka). Older messages, gap included, are
	 * served from MySQL.
	 */
	static List<SnapshotMessage> contiguousTail(CacheSnapshot snapshot) {
		List<SnapshotMessage> recent = snapshot.recentMessages();
		int from = recent.size();
		long expected = snapshot.lastSeq();
		while (from > 0 && recent.get(from - 1).seq() == expected) {
			from--;
			expected--;
		}
		return recent.subList(from, recent.size());
	}

}
