package dev.carrier.chat.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.carrier.chat.RedisKeys;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * What a test reads from and does to a chat's keys in the real Redis: a copy of the chat
 * as MySQL would hold it (to feed {@link StubPersistenceService}), a cache loss of one
 * chat, and the keys that name an id.
 */
public final class CachedChats {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private CachedChats() {
	}

	/**
	 * The chat as the cache holds it now, acknowledged messages only: what MySQL would
	 * hold.
	 */
	public static StubPersistenceService.DurableChat durableCopy(StringRedisTemplate redis, String chatId) {
		Map<Object, Object> hash = redis.opsForHash().entries(RedisKeys.chat(chatId));
		if (hash.isEmpty()) {
			throw new IllegalStateException("chat " + chatId + " is not cached");
		}
		List<String> members = new ArrayList<>(new TreeSet<>(redis.opsForSet().members(RedisKeys.members(chatId))));
		List<Map<String, Object>> messages = new ArrayList<>();
		for (String entry : redis.opsForList().range(RedisKeys.messages(chatId), 0, -1)) {
			Map<String, Object> message = JSON.readValue(entry, new TypeReference<LinkedHashMap<String, Object>>() {
			});
			if (!Boolean.TRUE.equals(message.remove("pending"))) {
				messages.add(message);
			}
		}
		Map<String, String> clientIds = new LinkedHashMap<>();
		redis.opsForHash()
			.entries(RedisKeys.clientIds(chatId))
			.forEach((k, v) -> clientIds.put((String) k, (String) v));
		Map<String, Long> reads = new LinkedHashMap<>();
		redis.opsForHash()
			.entries(RedisKeys.read(chatId))
			.forEach((k, v) -> reads.put((String) k, Long.parseLong((String) v)));
		Map<String, Long> hiddenSeqs = new LinkedHashMap<>();
		hash.forEach((field, value) -> {
			if (((String) field).startsWith(RedisKeys.HIDDEN_FIELD_PREFIX)) {
				hiddenSeqs.put(((String) field).substring(RedisKeys.HIDDEN_FIELD_PREFIX.length()),
						Long.parseLong((String) value));
			}
		});
		String type = (String) hash.get("type");
		String name = (String) hash.get("name");
		return new StubPersistenceService.DurableChat(chatId, type, (name == null || name.isEmpty()) ? null : name,
				"direct".equals(type) ? RedisKeys.directKey(members.get(0), members.get(1)) : null,
				(String) hash.get("createdAt"), Long.parseLong((String) hash.get("lastSeq")), members, messages,
				clientIds, reads, Long.parseLong((String) hash.getOrDefault("lastActivityAt", "0")), hiddenSeqs);
	}

	/**
	 * The cache loses the chat as an eviction drops it; the user index and the pair's key
	 * stay.
	 */
	public static void lose(StringRedisTemplate redis, String chatId) {
		redis.delete(List.of(RedisKeys.chat(chatId), RedisKeys.members(chatId), RedisKeys.messages(chatId),
				RedisKeys.clientIds(chatId), RedisKeys.read(chatId), RedisKeys.lease(chatId)));
	}

	/**
	 * Every chat-service key ending in {@code :<id>} (chat, members, messages, reload
	 * claim, lease, ...).
	 */
	public static Set<String> keysNaming(StringRedisTemplate redis, String id) {
		Set<String> keys = new TreeSet<>();
		try (Cursor<String> cursor = redis
			.scan(ScanOptions.scanOptions().match("carrier:chat:*:" + id).count(1000).build())) {
			cursor.forEachRemaining(keys::add);
		}
		return keys;
	}

}
