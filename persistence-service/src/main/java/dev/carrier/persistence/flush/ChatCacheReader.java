package dev.carrier.persistence.flush;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import dev.carrier.persistence.RedisKeys;
import dev.carrier.persistence.RedisKeys.ChatHash;
import dev.carrier.persistence.messages.MessageView;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/** Reads an expired chat out of chat-service's keys, and evicts it with one atomic script. */
@Component
class ChatCacheReader {

	private static final Logger log = LoggerFactory.getLogger(ChatCacheReader.class);

	private static final RedisScript<Long> EVICT_IF_NO_LEASE = RedisScript
		.of(new ClassPathResource("scripts/evict-if-no-lease.lua"), Long.class);

	private final StringRedisTemplate redis;

	private final JsonMapper json;

	ChatCacheReader(StringRedisTemplate redis, JsonMapper json) {
		this.redis = redis;
		this.json = json;
	}

	boolean leased(String chatId) {
		return Boolean.TRUE.equals(this.redis.hasKey(RedisKeys.lease(chatId)));
	}

	/** @return the chat as cached, or null when its hash is gone (evicted already, or never cached) */
	@SuppressWarnings("unchecked")
	CachedChat read(String chatId) {
		// raw byte commands: the template turns the pipeline's results into strings itself
		List<Object> results = this.redis.executePipelined((RedisCallback<Object>) (connection) -> {
			connection.hashCommands().hGetAll(bytes(RedisKeys.chat(chatId)));
			connection.setCommands().sMembers(bytes(RedisKeys.members(chatId)));
			connection.listCommands().lRange(bytes(RedisKeys.messages(chatId)), 0, -1);
			connection.hashCommands().hGetAll(bytes(RedisKeys.read(chatId)));
			return null;
		});
		Map<String, String> hash = (Map<String, String>) results.get(0);
		if (hash == null || hash.isEmpty()) {
			return null;
		}
		List<String> members = new ArrayList<>((Set<String>) results.get(1));
		members.sort(null);
		List<MessageView> messages = new ArrayList<>();
		for (String entry : (List<String>) results.get(2)) {
			try {
				messages.add(this.json.readValue(entry, MessageView.class));
			}
			catch (JacksonException ex) {
				log.warn("Skipping an unreadable cached message of chat {}", chatId);
			}
		}
		Map<String, Long> reads = new LinkedHashMap<>();
		((Map<String, String>) results.get(3)).forEach((userId, seq) -> reads.put(userId, Long.parseLong(seq)));
		String lastSeq = hash.get(ChatHash.LAST_SEQ);
		long maxListed = messages.stream().mapToLong(MessageView::seq).max().orElse(0);
		return new CachedChat(chatId, hash, members, messages, reads,
				Math.max(maxListed, (lastSeq != null) ? Long.parseLong(lastSeq) : 0));
	}

	private static byte[] bytes(String key) {
		return key.getBytes(StandardCharsets.UTF_8);
	}

	/** @return true when the keys were deleted, false when a lease (the chat woke up) kept them */
	boolean evictIfNoLease(String chatId) {
		List<String> keys = new ArrayList<>();
		keys.add(RedisKeys.lease(chatId));
		keys.addAll(RedisKeys.evictable(chatId));
		Long evicted = this.redis.execute(EVICT_IF_NO_LEASE, keys);
		return evicted != null && evicted == 1L;
	}

}
