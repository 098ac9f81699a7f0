package dev.carrier.chat.presence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.carrier.chat.RedisKeys;
import dev.carrier.chat.RedisScripts;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * The heartbeats in Redis (README, "Presence"): per user, a sorted set of the instances
 * holding a socket of theirs, scored by when that instance's entry lapses; a set of every
 * user with entries, scored by their latest expiry, for the sweep; and when each was last
 * seen. Every change that can take a user on- or offline is one script, answering whether
 * it did, so exactly one caller announces each change.
 */
@Component
class PresenceStore {

	private static final int SWEEP_BATCH = 500;

	private final StringRedisTemplate redis;

	PresenceStore(StringRedisTemplate redis) {
		this.redis = redis;
	}

	/**
	 * @return whether the user was offline until this entry
	 */
	boolean refresh(String userId, String instanceId, Instant now, Instant expiry) {
		Long cameOnline = this.redis.execute(RedisScripts.PRESENCE_REFRESH, keys(userId), userId, instanceId,
				millis(now), millis(expiry));
		return cameOnline != null && cameOnline == 1;
	}

	/**
	 * @return whether this took the user offline (no other instance holds them)
	 */
	boolean release(String userId, String instanceId, Instant now) {
		Long wentOffline = this.redis.execute(RedisScripts.PRESENCE_RELEASE, keys(userId), userId, instanceId,
				millis(now));
		return wentOffline != null && wentOffline == 1;
	}

	/** Users whose latest entry lapsed by {@code now}, a batch at a time. */
	Set<String> lapsedBy(Instant now) {
		Set<String> lapsed = this.redis.opsForZSet()
			.rangeByScore(RedisKeys.PRESENCE_ONLINE, Double.NEGATIVE_INFINITY, now.toEpochMilli(), 0, SWEEP_BATCH);
		return (lapsed != null) ? lapsed : Set.of();
	}

	/**
	 * @return whether this took the user offline because every entry lapsed
	 */
	boolean lapse(String userId, Instant now) {
		Long wentOffline = this.redis.execute(RedisScripts.PRESENCE_LAPSE,
				List.of(RedisKeys.presence(userId), RedisKeys.PRESENCE_ONLINE), userId, millis(now));
		return wentOffline != null && wentOffline == 1;
	}

	/** Each user's state now, in the order given. */
	Map<String, UserPresence> read(List<String> userIds, Instant now) {
		Map<String, UserPresence> states = new LinkedHashMap<>();
		if (userIds.isEmpty()) {
			return states;
		}
		List<String> keys = new ArrayList<>(userIds.stream().map(RedisKeys::presence).toList());
		keys.add(RedisKeys.LAST_SEEN);
		List<String> args = new ArrayList<>(List.of(millis(now)));
		args.addAll(userIds);
		List<?> answer = this.redis.execute(RedisScripts.PRESENCE_READ, keys, args.toArray());
		for (int i = 0; i < userIds.size(); i++) {
			boolean online = ((Number) answer.get(2 * i)).longValue() > 0;
			String seen = String.valueOf(answer.get(2 * i + 1));
			Instant lastSeen = seen.isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(seen));
			states.put(userIds.get(i), new UserPresence(userIds.get(i), online, lastSeen));
		}
		return states;
	}

	private static List<String> keys(String userId) {
		return List.of(RedisKeys.presence(userId), RedisKeys.PRESENCE_ONLINE, RedisKeys.LAST_SEEN);
	}

	private static String millis(Instant instant) {
		return Long.toString(instant.toEpochMilli());
	}

}
