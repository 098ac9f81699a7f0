package dev.carrier.chat.reads;

import java.util.List;

import dev.carrier.chat.CarrierProperties;
import dev.carrier.chat.RedisKeys;
import dev.carrier.chat.RedisScripts;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Read positions ({@code carrier:chat:read:<chatId>}: userId → last read seq).
 */
@Component
class ReadStore {

	private final StringRedisTemplate redis;

	private final CarrierProperties properties;

	ReadStore(StringRedisTemplate redis, CarrierProperties properties) {
		this.redis = redis;
		this.properties = properties;
	}

	long position(String chatId, String userId) {
		Object value = this.redis.opsForHash().get(RedisKeys.read(chatId), userId);
		try {
			return (value != null) ? Long.parseLong(value.toString()) : 0;
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	/** Moves the position forward (never back); returns the position now held. */
	long advance(String chatId, String userId, long seq) {
		Long result = this.redis.execute(RedisScripts.ADVANCE_READ,
				List.of(RedisKeys.read(chatId), RedisKeys.lease(chatId)), userId, String.valueOf(seq),
				String.valueOf(this.properties.chat().leaseTtl().toMillis()));
		return (result != null) ? result : seq;
	}

}
