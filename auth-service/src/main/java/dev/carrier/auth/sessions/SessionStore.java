package dev.carrier.auth.sessions;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import dev.carrier.auth.LuaScripts;
import dev.carrier.auth.RedisKeys;

/**
 * Sessions in Redis: a hash per session (TTL = idle timeout) and a set of them per user.
 */
@Component
class SessionStore {

	private static final RedisScript<String> OPEN_SESSION = LuaScripts.of("open-session.lua", String.class);

	private static final RedisScript<Long> CLOSE_SESSION = LuaScripts.of("close-session.lua", Long.class);

	private final StringRedisTemplate redis;

	SessionStore(StringRedisTemplate redis) {
		this.redis = redis;
	}

	public void open(Session session, Duration idleTtl, Duration maxAge) {
		this.redis.execute(OPEN_SESSION,
				List.of(RedisKeys.session(session.keyHash()), RedisKeys.userSessions(session.userId())),
				session.userId(), session.createdAt().toString(), session.expiresAt().toString(),
				Long.toString(idleTtl.toMillis()), session.keyHash(), Long.toString(maxAge.toMillis()));
	}

	public Optional<Session> find(String keyHash) {
		Map<Object, Object> hash = this.redis.opsForHash().entries(RedisKeys.session(keyHash));
		if (hash.isEmpty() || hash.get("userId") == null || hash.get("expiresAt") == null) {
			return Optional.empty();
		}
		Object createdAt = hash.get("createdAt");
		Instant expiresAt = Instant.parse((String) hash.get("expiresAt"));
		return Optional.of(new Session(keyHash, (String) hash.get("userId"),
				(createdAt != null) ? Instant.parse((String) createdAt) : expiresAt, expiresAt));
	}

	/**
	 * Each of these sessions' absolute end, for those whose key is still there (one
	 * pipelined round trip).
	 */
	public Map<String, Instant> expiries(List<String> keyHashes) {
		byte[] field = "expiresAt".getBytes(StandardCharsets.UTF_8);
		List<Object> found = this.redis.executePipelined((RedisCallback<Object>) (connection) -> {
			for (String keyHash : keyHashes) {
				connection.hashCommands().hGet(RedisKeys.session(keyHash).getBytes(StandardCharsets.UTF_8), field);
			}
			return null;
		});
		Map<String, Instant> expiries = new HashMap<>();
		for (int i = 0; i < keyHashes.size(); i++) {
			if (found.get(i) != null) {
				expiries.put(keyHashes.get(i), Instant.parse(String.valueOf(found.get(i))));
			}
		}
		return expiries;
	}

	/**
	 * Milliseconds the session has left before its idle timeout, or a negative number.
	 */
	public long remainingIdleMillis(String keyHash) {
		Long ttl = this.redis.getExpire(RedisKeys.session(keyHash), TimeUnit.MILLISECONDS);
		return (ttl != null) ? ttl : -2;
	}

	public void slide(String keyHash, Duration ttl) {
		this.redis.expire(RedisKeys.session(keyHash), ttl);
	}

	/**
	 * @return whether the session still existed
	 */
	public boolean close(String keyHash, String userId) {
		Long removed = this.redis.execute(CLOSE_SESSION,
				List.of(RedisKeys.session(keyHash), RedisKeys.userSessions(userId)), keyHash,
				RedisKeys.SESSIONS_ENDED_CHANNEL);
		return removed != null && removed > 0;
	}

	/**
	 * The user's sessions that are still alive; entries of sessions that expired on their
	 * own are pruned on the way.
	 */
	public Set<String> liveSessions(String userId) {
		String setKey = RedisKeys.userSessions(userId);
		Set<String> members = this.redis.opsForSet().members(setKey);
		if (members == null || members.isEmpty()) {
			return Set.of();
		}
		Set<String> live = new java.util.HashSet<>();
		for (String member : members) {
			if (Boolean.TRUE.equals(this.redis.hasKey(RedisKeys.session(member)))) {
				live.add(member);
			}
			else {
				this.redis.opsForSet().remove(setKey, member);
			}
		}
		return live;
	}

}
