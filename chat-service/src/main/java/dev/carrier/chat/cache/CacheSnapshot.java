package dev.carrier.chat.cache;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.carrier.chat.shared.ChatType;

/**
 * One chat as persistence-service's {@code POST /internal/snapshots} answers it, once its
 * consumers are proven to hold every acknowledged event: what install-snapshot.lua puts
 * into the cache. {@code hiddenSeqs}: per member who hid the chat, its last seq then.
 */
record CacheSnapshot(String id, ChatType type, String name, String directKey, Instant createdAt, long lastSeq,
		long generation, List<String> memberIds, List<SnapshotMessage> recentMessages, Map<String, String> clientIds,
		Map<String, Long> readPositions, long lastActivityAt, Map<String, Long> hiddenSeqs) {

	CacheSnapshot {
		hiddenSeqs = (hiddenSeqs != null) ? Map.copyOf(hiddenSeqs) : Map.of();
	}

}
