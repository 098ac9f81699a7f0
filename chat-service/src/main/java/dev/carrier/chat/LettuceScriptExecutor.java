package dev.carrier.chat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceExceptionConverter;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.data.redis.core.script.ScriptExecutor;
import org.springframework.data.redis.serializer.RedisSerializer;

/**
 * Runs the service's Lua scripts ({@code StringRedisTemplate.execute(script, ...)}) on
 * one Lettuce connection of its own, opened from the client Spring Boot configured (its
 * address, credentials, timeouts and reconnect options), as {@code EVALSHA} and, when
 * Redis does not know the script yet, {@code EVAL}.
 * <p>
 * RedisTemplate's own executor does the same through the template: for every call a new
 * connection wrapper (which looks up its logger through Commons Logging), a JDK proxy of
 * it built by reflection, and a reflective call through that proxy. A send runs two
 * scripts, and in a default-mode profile that bookkeeping, not Redis or Lettuce, was 7.7
 * % and 4.1 % of the two instances' samples (issue 17). Keys, arguments and results are
 * converted as that executor converts them (the template's serializers, a result type
 * mapped by {@link ReturnType}), and failures are translated by the same Lettuce
 * exception translation, so callers see the same values and the same
 * {@code DataAccessException}s.
 */
class LettuceScriptExecutor implements ScriptExecutor<String>, DisposableBean {

	/** The connection's name in Redis's {@code CLIENT LIST}. */
	static final String CLIENT_NAME = "chat-service-scripts";

	private static final LettuceExceptionConverter TRANSLATION = new LettuceExceptionConverter();

	private final LettuceConnectionFactory factory;

	/** A {@code StringRedisTemplate}'s serializer, for keys, arguments and results. */
	private final RedisSerializer<String> strings = RedisSerializer.string();

	private final ReentrantLock opening = new ReentrantLock();

	private volatile @Nullable Opened opened;

	LettuceScriptExecutor(LettuceConnectionFactory factory) {
		this.factory = factory;
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T> T execute(RedisScript<T> script, List<String> keys, Object... args) {
		return execute(script, this.strings, (RedisSerializer<T>) this.strings, keys, args);
	}

	@Override
	public <T> T execute(RedisScript<T> script, RedisSerializer<?> argsSerializer, RedisSerializer<T> resultSerializer,
			List<String> keys, Object... args) {
		byte[][] keyBytes = new byte[keys.size()][];
		for (int i = 0; i < keyBytes.length; i++) {
			keyBytes[i] = this.strings.serialize(keys.get(i));
		}
		byte[][] argBytes = new byte[args.length][];
		for (int i = 0; i < argBytes.length; i++) {
			argBytes[i] = serialize(argsSerializer, args[i]);
		}
		ScriptOutputType output = outputType(ReturnType.fromJavaType(script.getResultType()));
		try {
			RedisCommands<byte[], byte[]> redis = connection().sync();
			Object result;
			try {
				result = redis.evalsha(script.getSha1(), output, keyBytes, argBytes);
			}
			catch (RedisNoScriptException ex) {
				// EVAL runs it and leaves it in the script cache for the next EVALSHA
				result = redis.eval(script.getScriptAsString(), output, keyBytes, argBytes);
			}
			return deserialize(resultSerializer, result);
		}
		catch (RuntimeException ex) {
			RuntimeException translated = TRANSLATION.translateExceptionIfPossible(ex);
			throw (translated != null) ? translated : ex;
		}
	}

	/**
	 * The connection, opened from the factory's client of the moment: a factory that is
	 * stopped shuts its client down with every connection, and one started again (as the
	 * test framework does with the contexts it caches) has a new client.
	 */
	private StatefulRedisConnection<byte[], byte[]> connection() {
		AbstractRedisClient client = this.factory.getRequiredNativeClient();
		Opened opened = this.opened;
		if (opened != null && opened.client() == client) {
			return opened.connection();
		}
		this.opening.lock();
		try {
			opened = this.opened;
			if (opened == null || opened.client() != client) {
				// once open, Lettuce reconnects it by itself; a failed open is tried
				// again by the next call
				StatefulRedisConnection<byte[], byte[]> connection = ((RedisClient) client)
					.connect(ByteArrayCodec.INSTANCE);
				connection.sync().clientSetname(CLIENT_NAME.getBytes(StandardCharsets.UTF_8));
				if (opened != null) {
					opened.connection().close();
				}
				opened = new Opened(client, connection);
				this.opened = opened;
			}
			return opened.connection();
		}
		finally {
			this.opening.unlock();
		}
	}

	@Override
	public void destroy() {
		Opened opened = this.opened;
		this.opened = null;
		if (opened != null) {
			opened.connection().close();
		}
	}

	@SuppressWarnings("unchecked")
	private static byte[] serialize(RedisSerializer<?> serializer, Object value) {
		return ((RedisSerializer<Object>) serializer).serialize(value);
	}

	/**
	 * As RedisTemplate's executor reads a result: bulk strings through the serializer.
	 */
	@SuppressWarnings("unchecked")
	private static <T> T deserialize(RedisSerializer<T> serializer, @Nullable Object result) {
		if (result instanceof byte[] bytes) {
			return serializer.deserialize(bytes);
		}
		if (result instanceof List<?> list) {
			List<Object> read = new ArrayList<>(list.size());
			for (Object element : list) {
				read.add(deserialize(serializer, element));
			}
			return (T) read;
		}
		return (T) result;
	}

	private record Opened(AbstractRedisClient client, StatefulRedisConnection<byte[], byte[]> connection) {
	}

	private static ScriptOutputType outputType(ReturnType type) {
		return switch (type) {
			case BOOLEAN -> ScriptOutputType.BOOLEAN;
			case INTEGER -> ScriptOutputType.INTEGER;
			case MULTI -> ScriptOutputType.MULTI;
			case STATUS -> ScriptOutputType.STATUS;
			case VALUE -> ScriptOutputType.VALUE;
		};
	}

}
