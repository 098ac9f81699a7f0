package dev.carrier.auth;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The Lua scripts under {@code resources/scripts}, their text read once. A script made
 * from a resource asks that resource on every call whether it changed
 * (DefaultRedisScript.getSha1), which inside the executable jar opens a nested jar URL:
 * the largest allocation of chat-service's send path in a profile (issue 17).
 */
public final class LuaScripts {

	private LuaScripts() {
	}

	public static <T> RedisScript<T> of(String file, Class<T> resultType) {
		try (InputStream in = new ClassPathResource("scripts/" + file).getInputStream()) {
			return RedisScript.of(new String(in.readAllBytes(), StandardCharsets.UTF_8), resultType);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the Redis script " + file, ex);
		}
	}

}
