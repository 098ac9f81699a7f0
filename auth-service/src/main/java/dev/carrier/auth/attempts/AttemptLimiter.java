package dev.carrier.auth.attempts;

import java.time.Duration;
import java.util.List;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import dev.carrier.auth.LuaScripts;
import dev.carrier.auth.RedisKeys;

/**
 * Limits guesses at a secret, in Redis so every replica counts the same attempts. An
 * attempt is taken before its password is hashed, atomically, so a flood of parallel
 * guesses cannot slip past the limit while the hashes run.
 */
@Component
public class AttemptLimiter {

	private static final RedisScript<Long> TAKE = script("take-attempt.lua");

	private static final RedisScript<Long> GIVE_BACK = script("give-back-attempt.lua");

	private final StringRedisTemplate redis;

	private final AttemptProperties properties;

	public AttemptLimiter(StringRedisTemplate redis, AttemptProperties properties) {
		this.redis = redis;
		this.properties = properties;
	}

	/**
	 * Counts a login (or signup) for a name, the way the login lookup normalizes it.
	 * @throws TooManyAttempts when the name has had its attempts for now
	 */
	public void takeLogin(String loginName) {
		take(RedisKeys.loginAttempts(loginName), this.properties.loginPerName(),
				"Too many login attempts for this name; try again later");
	}

	/**
	 * Counts a password change of an account; {@link #giveBackPasswordChange} when the
	 * current password turned out right, so that only wrong ones count.
	 * @throws TooManyAttempts when the account has had its attempts for now
	 */
	public void takePasswordChange(String userId) {
		take(RedisKeys.passwordChangeAttempts(userId), this.properties.passwordChange(),
				"Too many wrong current passwords; try again later");
	}

	public void giveBackPasswordChange(String userId) {
		this.redis.execute(GIVE_BACK, List.of(RedisKeys.passwordChangeAttempts(userId)),
				Long.toString(this.properties.passwordChange().millisPerAttempt()));
	}

	private void take(String key, AttemptProperties.Limit limit, String refusal) {
		Long wait = this.redis.execute(TAKE, List.of(key), Long.toString(limit.millisPerAttempt()),
				Integer.toString(limit.attempts()));
		if (wait != null && wait > 0) {
			throw new TooManyAttempts(refusal, Duration.ofMillis(wait));
		}
	}

	private static RedisScript<Long> script(String name) {
		return LuaScripts.of(name, Long.class);
	}

}
