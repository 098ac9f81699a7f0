package dev.carrier.chat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The Lua scripts under {@code resources/scripts}, each loaded once; their headers say
 * what they keep atomic.
 */
public final class RedisScripts {

	@SuppressWarnings("rawtypes")
	public static final RedisScript<List> CREATE_CHAT = script("create-chat.lua", List.class);

	@SuppressWarnings("rawtypes")
	public static final RedisScript<List> READ_CHAT = script("read-chat.lua", List.class);

	public static final RedisScript<String> ADD_MEMBERS = script("add-members.lua", String.class);

	public static final RedisScript<Long> LEAVE_CHAT = script("leave-chat.lua", Long.class);

	@SuppressWarnings("rawtypes")
	public static final RedisScript<List> SEND_MESSAGE = script("send-message.lua", List.class);

	@SuppressWarnings("rawtypes")
	public static final RedisScript<List> READ_MESSAGES = script("read-messages.lua", List.class);

	@SuppressWarnings("rawtypes")
	public static final RedisScript<List> DELETE_MESSAGE = script("delete-message.lua", List.class);

	@SuppressWarnings("rawtypes")
	public static final RedisScript<List> FIND_MESSAGE = script("find-message.lua", List.class);

	@SuppressWarnings("rawtypes")
	public static final RedisScript<List> APPLY_EDIT = script("apply-edit.lua", List.class);

	@SuppressWarnings("rawtypes")
	public static final RedisScript<List> APPLY_REACTION = script("apply-reaction.lua", List.class);

	public static final RedisScript<Long> HIDE_CHAT = script("hide-chat.lua", Long.class);

	public static final RedisScript<String> CONFIRM_MESSAGE = script("confirm-message.lua", String.class);

	public static final RedisScript<String> BEGIN_RELOAD = script("begin-reload.lua", String.class);

	public static final RedisScript<String> INSTALL_SNAPSHOT = script("install-snapshot.lua", String.class);

	public static final RedisScript<String> EVICT_IF_STORED = script("evict-if-stored.lua", String.class);

	public static final RedisScript<String> RAISE_STORED_SEQ = script("raise-stored-seq.lua", String.class);

	public static final RedisScript<Long> ADVANCE_READ = script("advance-read.lua", Long.class);

	public static final RedisScript<Long> SHORTEN_LEASE = script("shorten-lease.lua", Long.class);

	public static final RedisScript<Long> DELETE_IF_EQUALS = script("delete-if-equals.lua", Long.class);

	public static final RedisScript<Long> PRESENCE_REFRESH = script("presence-refresh.lua", Long.class);

	public static final RedisScript<Long> PRESENCE_RELEASE = script("presence-release.lua", Long.class);

	public static final RedisScript<Long> PRESENCE_LAPSE = script("presence-lapse.lua", Long.class);

	@SuppressWarnings("rawtypes")
	public static final RedisScript<List> PRESENCE_READ = script("presence-read.lua", List.class);

	private RedisScripts() {
	}

	/**
	 * The script's text, read once. A script made from a resource asks that resource on
	 * every call whether it changed (DefaultRedisScript.getSha1), which inside the
	 * executable jar opens a nested jar URL: in a profile of the send path that was the
	 * largest allocation of the whole service (issue 17).
	 */
	private static <T> RedisScript<T> script(String file, Class<T> resultType) {
		try (InputStream in = new ClassPathResource("scripts/" + file).getInputStream()) {
			return RedisScript.of(new String(in.readAllBytes(), StandardCharsets.UTF_8), resultType);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the Redis script " + file, ex);
		}
	}

}
