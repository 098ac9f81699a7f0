package dev.carrier.chat.messages;

import java.util.List;

import dev.carrier.chat.RedisKeys;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * How many of a cached chat's unread messages mention a user: the chat list's
 * {@code mentions}. Reads only the list's tail that can hold the {@code unread} messages
 * after the read seq: seqs are contiguous, and only sends in flight (pending) follow
 * them.
 */
@Component
class UnreadMentions {

	private final StringRedisTemplate redis;

	private final JsonMapper json;

	UnreadMentions(StringRedisTemplate redis, JsonMapper json) {
		this.redis = redis;
		this.json = json;
	}

	long count(String chatId, String userId, long afterSeq, long unread) {
		List<String> entries = this.redis.opsForList()
			.range(RedisKeys.messages(chatId), -Math.min(unread + MessageStore.LAST_SCAN, Integer.MAX_VALUE), -1);
		if (entries == null) {
			return 0;
		}
		long count = 0;
		for (int i = entries.size() - 1; i >= 0; i--) {
			String entry = entries.get(i);
			if (!entry.contains("\"mentions\"") || !entry.contains(userId) || entry.contains(MessageStore.PENDING)) {
				continue;
			}
			Message message = this.json.readValue(entry, Message.class);
			if (message.seq() <= afterSeq) {
				break;
			}
			if (!message.deleted() && message.mentions().contains(userId)) {
				count++;
			}
		}
		return count;
	}

}
