package dev.carrier.persistence.support;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.carrier.persistence.RedisKeys;

import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The Redis keys a test created, found and removed by the chat ids it used. */
public final class CachedChats {

	private CachedChats() {
	}

	/** Every {@code carrier:chat:*} key whose name mentions one of these ids. */
	public static Set<String> keysOf(StringRedisTemplate redis, Set<String> ids) {
		Set<String> keys = new HashSet<>();
		try (Cursor<String> cursor = redis.scan(ScanOptions.scanOptions().match("carrier:chat:*").count(1000).build())) {
			cursor.forEachRemaining((key) -> {
				for (String id : ids) {
					if (key.contains(id)) {
						keys.add(key);
					}
				}
			});
		}
		return keys;
	}

	public static void deleteChat(StringRedisTemplate redis, String chatId) {
		List<String> keys = new ArrayList<>(RedisKeys.evictable(chatId));
		keys.add(RedisKeys.lease(chatId));
		redis.delete(keys);
	}

}
