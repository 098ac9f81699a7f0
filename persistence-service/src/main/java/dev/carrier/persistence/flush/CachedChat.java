package dev.carrier.persistence.flush;

import java.util.List;
import java.util.Map;

import dev.carrier.persistence.messages.MessageView;

/** What Redis holds of one chat when its flush starts. */
record CachedChat(String id, Map<String, String> hash, List<String> memberIds, List<MessageView> messages,
		Map<String, Long> readPositions, long lastSeq) {
}
