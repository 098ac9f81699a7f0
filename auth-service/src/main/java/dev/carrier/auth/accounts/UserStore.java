package dev.carrier.auth.accounts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import dev.carrier.auth.LuaScripts;
import dev.carrier.auth.RedisKeys;

/** Users in Redis: one hash per user plus lowercase username and email indexes. */
@Component
class UserStore {

	private static final RedisScript<String> REGISTER_USER = script("register-user.lua", String.class);

	private static final RedisScript<String> CHANGE_IDENTITY = script("change-identity.lua", String.class);

	private static final RedisScript<String> REMOVE_USER = script("remove-user.lua", String.class);

	private static final RedisScript<Long> RESTORE_USER = script("restore-user.lua", Long.class);

	private final StringRedisTemplate redis;

	UserStore(StringRedisTemplate redis) {
		this.redis = redis;
	}

	public Optional<User> findById(String userId) {
		Map<Object, Object> hash = this.redis.opsForHash().entries(RedisKeys.user(userId));
		return hash.isEmpty() ? Optional.empty() : Optional.of(fromHash(hash));
	}

	public Optional<String> findIdByUsername(String username) {
		return Optional.ofNullable(this.redis.opsForValue().get(RedisKeys.username(username)));
	}

	public Optional<String> findIdByEmail(String email) {
		return Optional.ofNullable(this.redis.opsForValue().get(RedisKeys.email(email)));
	}

	/**
	 * @return {@code ok}, or the field ({@code username}, {@code email}) already taken
	 */
	public String register(User user) {
		return this.redis.execute(REGISTER_USER,
				List.of(RedisKeys.username(user.username()), RedisKeys.email(user.email()), RedisKeys.user(user.id())),
				withId(user));
	}

	/**
	 * @return {@code ok}, {@code missing}, or the field already taken by another user
	 */
	public String changeIdentity(User before, User after) {
		return this.redis.execute(CHANGE_IDENTITY,
				List.of(RedisKeys.user(after.id()), RedisKeys.username(before.username()),
						RedisKeys.username(after.username()), RedisKeys.email(before.email()),
						RedisKeys.email(after.email())),
				withId(after));
	}

	public void remove(User user) {
		this.redis.execute(REMOVE_USER,
				List.of(RedisKeys.user(user.id()), RedisKeys.username(user.username()), RedisKeys.email(user.email())),
				user.id());
	}

	/**
	 * Writes back a user read through from persistence-service unless Redis already has
	 * it.
	 */
	public void restore(User user) {
		this.redis.execute(RESTORE_USER,
				List.of(RedisKeys.user(user.id()), RedisKeys.username(user.username()), RedisKeys.email(user.email())),
				withId(user));
	}

	/** Saves fields that no index depends on (password hash, avatar). */
	public void save(User user) {
		this.redis.opsForHash().putAll(RedisKeys.user(user.id()), toHash(user));
	}

	static Map<String, String> toHash(User user) {
		Map<String, String> hash = new LinkedHashMap<>();
		hash.put("id", user.id());
		hash.put("username", user.username());
		hash.put("email", user.email());
		hash.put("passwordHash", user.passwordHash());
		// Redis hashes hold no nulls: "no avatar" is the empty string.
		hash.put("avatar", (user.avatar() != null) ? user.avatar() : "");
		hash.put("avatarVersion", Long.toString(user.avatarVersion()));
		hash.put("createdAt", user.createdAt().toString());
		hash.put("updatedAt", user.updatedAt().toString());
		hash.put("presenceHidden", Boolean.toString(user.presenceHidden()));
		return hash;
	}

	static User fromHash(Map<Object, Object> hash) {
		String avatar = (String) hash.get("avatar");
		String version = (String) hash.get("avatarVersion");
		String createdAt = (String) hash.get("createdAt");
		String updatedAt = (String) hash.get("updatedAt");
		return new User((String) hash.get("id"), (String) hash.get("username"), (String) hash.get("email"),
				(String) hash.get("passwordHash"), (avatar == null || avatar.isEmpty()) ? null : avatar,
				(version != null) ? Long.parseLong(version) : 0, Instant.parse(createdAt),
				(updatedAt != null) ? Instant.parse(updatedAt) : Instant.parse(createdAt),
				"true".equals(hash.get("presenceHidden")));
	}

	private static Object[] withId(User user) {
		List<String> args = new ArrayList<>();
		args.add(user.id());
		toHash(user).forEach((field, value) -> {
			args.add(field);
			args.add(value);
		});
		return args.toArray();
	}

	private static <T> RedisScript<T> script(String name, Class<T> resultType) {
		return LuaScripts.of(name, resultType);
	}

}
