package dev.carrier.chat.cache;

import java.util.List;
import java.util.Locale;

import dev.carrier.chat.RedisKeys;
import dev.carrier.chat.RedisScripts;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Service;

/**
 * Drops a chat from the cache once its lease is gone and MySQL holds every message the
 * cache acknowledged (evict-if-stored.lua). Asked when a lease expires (keyspace
 * notification), by the sweeper, and whenever persistence-service reports a leaseless
 * chat stored further: whichever comes last evicts; asking early or twice is harmless.
 */
@Service
public class ChatEviction {

	private static final Logger log = LoggerFactory.getLogger(ChatEviction.class);

	private final StringRedisTemplate redis;

	private final MeterRegistry meters;

	public ChatEviction(StringRedisTemplate redis, MeterRegistry meters) {
		this.redis = redis;
		this.meters = meters;
	}

	/**
	 * What asked for an eviction (the {@code cause} tag of
	 * {@code carrier.chat.evictions}).
	 */
	public enum Cause {

		/** A lease expired and Redis said so. */
		NOTIFICATION,
		/** The sweeper found a chat without a lease. */
		SWEEPER,
		/** persistence-service reported a leaseless chat stored further. */
		STORED;

		String tag() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * @return whether the chat left the cache; it stays when it is leased again, MySQL is
	 * behind ({@code not-stored}) or it was not cached (the {@code outcome} tag says
	 * which)
	 */
	public boolean evictIfStored(String chatId, Cause cause) {
		String outcome = this.redis.execute(RedisScripts.EVICT_IF_STORED,
				List.of(RedisKeys.lease(chatId), RedisKeys.chat(chatId), RedisKeys.members(chatId),
						RedisKeys.messages(chatId), RedisKeys.clientIds(chatId), RedisKeys.read(chatId)));
		this.meters.counter("carrier.chat.evictions", "cause", cause.tag(), "outcome", String.valueOf(outcome))
			.increment();
		boolean evicted = "evicted".equals(outcome);
		if (evicted) {
			log.debug("Chat {} evicted ({})", chatId, cause.tag());
		}
		return evicted;
	}

	/**
	 * Records persistence-service's report; a chat without a lease may now be evictable.
	 */
	public void recordStored(String chatId, long storedSeq) {
		String outcome = this.redis.execute(RedisScripts.RAISE_STORED_SEQ,
				List.of(RedisKeys.chat(chatId), RedisKeys.lease(chatId)), String.valueOf(storedSeq));
		if ("leaseless".equals(outcome)) {
			evictIfStored(chatId, Cause.STORED);
		}
	}

}
