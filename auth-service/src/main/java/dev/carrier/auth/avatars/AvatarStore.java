package dev.carrier.auth.avatars;

import java.util.Optional;

import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.stereotype.Component;

import dev.carrier.auth.RedisKeys;

/** Uploaded avatars' bytes in Redis, one value per user, as served. */
@Component
class AvatarStore {

	private final RedisTemplate<String, byte[]> bytesRedis;

	AvatarStore(RedisTemplate<String, byte[]> bytesRedis) {
		this.bytesRedis = bytesRedis;
	}

	void save(String userId, byte[] bytes) {
		this.bytesRedis.opsForValue().set(RedisKeys.avatar(userId), bytes);
	}

	Optional<byte[]> find(String userId) {
		return Optional.ofNullable(this.bytesRedis.opsForValue().get(RedisKeys.avatar(userId)));
	}

}
