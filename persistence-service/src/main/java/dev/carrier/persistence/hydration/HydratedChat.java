package dev.carrier.persistence.hydration;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.carrier.persistence.messages.MessageStore.RecentMessage;

/** One chat as MySQL holds it, ready to be written into chat-service's keys. */
record HydratedChat(String id, String type, String name, String directKey, Instant createdAt, long lastSeq,
		List<String> memberIds, List<RecentMessage> recentMessages, Map<String, Long> readPositions) {

	/** The newest message's time, or the chat's creation when it has none: chat-service's activity score. */
	long lastActivityMillis() {
		long last = this.createdAt.toEpochMilli();
		for (RecentMessage recent : this.recentMessages) {
			if (recent.message().sentAt() != null) {
				last = Math.max(last, recent.message().sentAt().toEpochMilli());
			}
		}
		return last;
	}

}
