package dev.carrier.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.carrier.chat.support.IntegrationTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultScriptExecutor;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.data.redis.core.types.RedisClientInfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The service's scripts run on {@link LettuceScriptExecutor}'s own connection, and what a
 * caller gets back (values, types, failures) is what RedisTemplate's own executor gives
 * for the same script on the same Redis.
 */
class LettuceScriptExecutorIntegrationTests extends IntegrationTestSupport {

	@Autowired
	private StringRedisTemplate redis;

	@Autowired
	private LettuceConnectionFactory factory;

	private final String key = "test:scripts:" + UUID.randomUUID();

	private final List<String> written = new ArrayList<>();

	@AfterEach
	void deleteKeys() {
		this.redis.delete(this.written);
	}

	@Test
	void aScriptAnswersWhatRedisTemplatesOwnExecutorAnswers() {
		String counter = written(this.key + ":counter");
		@SuppressWarnings("rawtypes")
		RedisScript<List> nested = RedisScript.of(
				"redis.call('INCR', KEYS[1]) return {KEYS[1], ARGV[1], 42, {ARGV[2], 7}, redis.call('GET', KEYS[1])}",
				List.class);
		RedisScript<Long> integer = RedisScript.of("return redis.call('INCRBY', KEYS[1], ARGV[1])", Long.class);
		RedisScript<String> text = RedisScript.of("return ARGV[1] .. '!'", String.class);
		RedisScript<String> nothing = RedisScript.of("return false", String.class);
		DefaultScriptExecutor<String> reference = new DefaultScriptExecutor<>(this.redis);

		List<?> ours = this.redis.execute(nested, List.of(counter), "grüße ✓", "b");
		List<?> theirs = reference.execute(nested, List.of(counter), "grüße ✓", "b");

		assertThat(ours).isEqualTo(List.of(counter, "grüße ✓", 42L, List.of("b", 7L), "1"));
		assertThat(theirs).isEqualTo(List.of(counter, "grüße ✓", 42L, List.of("b", 7L), "2"));
		assertThat(this.redis.execute(integer, List.of(counter), "10")).isEqualTo(12L);
		assertThat(reference.execute(integer, List.of(counter), "0")).isEqualTo(12L);
		assertThat(this.redis.execute(text, List.of(), "ok")).isEqualTo("ok!")
			.isEqualTo(reference.execute(text, List.of(), "ok"));
		assertThat(this.redis.execute(nothing, List.of())).isNull();
		assertThat(reference.execute(nothing, List.of())).isNull();
	}

	@Test
	void aScriptRedisHasNotSeenRunsAndIsThenInItsCache() {
		RedisScript<String> fresh = RedisScript.of("-- " + UUID.randomUUID() + "\nreturn ARGV[1]", String.class);
		assertThat(scriptKnown(fresh)).isFalse();

		assertThat(this.redis.execute(fresh, List.of(), "first")).isEqualTo("first");

		assertThat(scriptKnown(fresh)).isTrue();
		assertThat(this.redis.execute(fresh, List.of(), "again")).isEqualTo("again");
	}

	@Test
	void aFailingScriptFailsWithTheExceptionRedisTemplatesOwnExecutorThrows() {
		String text = written(this.key + ":text");
		this.redis.opsForValue().set(text, "not a number");
		RedisScript<Long> increment = RedisScript.of("return redis.call('INCR', KEYS[1])", Long.class);

		Throwable expected = catchThrowable(
				() -> new DefaultScriptExecutor<>(this.redis).execute(increment, List.of(text)));

		assertThat(expected).isNotNull();
		assertThatThrownBy(() -> this.redis.execute(increment, List.of(text))).isExactlyInstanceOf(expected.getClass())
			.hasMessage(expected.getMessage())
			.rootCause()
			.hasMessageContaining("not an integer");
	}

	@Test
	void scriptsRunOnTheExecutorsOwnNamedConnection() {
		this.redis.execute(RedisScript.of("return 1", Long.class), List.of());

		List<RedisClientInfo> clients = this.redis.execute(
				(RedisCallback<List<RedisClientInfo>>) (connection) -> connection.serverCommands().getClientList());

		assertThat(clients).extracting(RedisClientInfo::getName).contains(LettuceScriptExecutor.CLIENT_NAME);
	}

	@Test
	void scriptsStillRunAfterTheConnectionFactoryWasStoppedAndStartedAgain() {
		LettuceConnectionFactory factory = new LettuceConnectionFactory(this.factory.getStandaloneConfiguration());
		factory.afterPropertiesSet();
		factory.start();
		LettuceScriptExecutor scripts = new LettuceScriptExecutor(factory);
		RedisScript<String> echo = RedisScript.of("return ARGV[1]", String.class);
		try {
			assertThat(scripts.execute(echo, List.of(), "before")).isEqualTo("before");

			// stopping shuts the client down with every connection; starting makes a new
			// one
			factory.stop();
			factory.start();

			assertThat(scripts.execute(echo, List.of(), "after")).isEqualTo("after");
		}
		finally {
			scripts.destroy();
			factory.destroy();
		}
	}

	private boolean scriptKnown(RedisScript<?> script) {
		List<Boolean> known = this.redis
			.execute((RedisCallback<List<Boolean>>) (connection) -> connection.scriptingCommands()
				.scriptExists(script.getSha1()));
		return Boolean.TRUE.equals(known.getFirst());
	}

	private String written(String key) {
		this.written.add(key);
		return key;
	}

}
