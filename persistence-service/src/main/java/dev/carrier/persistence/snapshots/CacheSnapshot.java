package dev.carrier.persistence.snapshots;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.carrier.persistence.messages.MessageView;

/**
 * One chat as MySQL holds it once every acknowledged event is in: what chat-service
 * installs into its cache. {@code lastSeq} is the highest seq MySQL knows for the chat
 * (messages and the chat row); {@code generation} is new for every snapshot handed out,
 * so chat-service can tell an incarnation of the chat in its cache from every earlier
 * one.
 *
 * @param recentMessages the newest messages, oldest first
 * @param clientIds {@code <senderId>:<clientMessageId>} to message id for the newest
 * messages, so that a retry of a send that is already durable is answered, not stored
 * twice
 * @param hiddenSeqs user id to the seq at which that member hid the chat from their chat
 * list, for each member who has it hidden; chat-service shows it to them again once a
 * message above that seq arrives
 */
public record CacheSnapshot(String id, String type, String name, String directKey, Instant createdAt, long lastSeq,
		long generation, List<String> memberIds, List<MessageView> recentMessages, Map<String, String> clientIds,
		Map<String, Long> readPositions, long lastActivityAt, Map<String, Long> hiddenSeqs) {
}
