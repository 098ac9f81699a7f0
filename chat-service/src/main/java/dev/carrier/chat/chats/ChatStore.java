package dev.carrier.chat.chats;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.carrier.chat.CarrierProperties;
import dev.carrier.chat.RedisKeys;
import dev.carrier.chat.RedisScripts;
import dev.carrier.chat.shared.ChatType;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Chats and membership in Redis ({@code carrier:chat:chat|members|direct|user-chats}).
 */
@Component
class ChatStore {

	private final StringRedisTemplate redis;

	private final CarrierProperties properties;

	ChatStore(StringRedisTemplate redis, CarrierProperties properties) {
		this.redis = redis;
		this.properties = properties;
	}

	/** The chat and its members, read in one step (read-chat.lua). */
	public Optional<StoredChat> find(String chatId) {
		List<?> result = this.redis.execute(RedisScripts.READ_CHAT,
				List.of(RedisKeys.chat(chatId), RedisKeys.members(chatId)));
		if (result == null || result.isEmpty()) {
			return Optional.empty();
		}
		Map<String, String> hash = new java.util.HashMap<>();
		List<?> pairs = (List<?>) result.get(0);
		for (int i = 0; i + 1 < pairs.size(); i += 2) {
			hash.put(String.valueOf(pairs.get(i)), String.valueOf(pairs.get(i + 1)));
		}
		if (hash.get("type") == null) {
			return Optional.empty();
		}
		List<String> members = ((List<?>) result.get(1)).stream().map(String::valueOf).sorted().toList();
		Map<String, Long> hiddenSeqs = new java.util.HashMap<>();
		hash.forEach((field, value) -> {
			if (field.startsWith(RedisKeys.HIDDEN_FIELD_PREFIX)) {
				hiddenSeqs.put(field.substring(RedisKeys.HIDDEN_FIELD_PREFIX.length()), parseLong(value));
			}
		});
		return Optional
			.of(new StoredChat(chatId, ChatType.fromSpelling(hash.get("type")), emptyToNull(hash.get("name")),
					instant(hash.get("createdAt")), parseLong(hash.get("lastSeq")), members, hiddenSeqs));
	}

	/**
	 * Records that the user hid the chat at {@code hiddenSeq}, or showed it again (null),
	 * if the chat is cached (hide-chat.lua); a chat not cached gets it from MySQL when it
	 * is reloaded.
	 */
	public void setHidden(String chatId, String userId, Long hiddenSeq) {
		this.redis.execute(RedisScripts.HIDE_CHAT, List.of(RedisKeys.chat(chatId)),
				RedisKeys.HIDDEN_FIELD_PREFIX + userId, (hiddenSeq != null) ? String.valueOf(hiddenSeq) : "");
	}

	public boolean isMember(String chatId, String userId) {
		return Boolean.TRUE.equals(this.redis.opsForSet().isMember(RedisKeys.members(chatId), userId));
	}

	/**
	 * Creates the chat; for a direct chat returns the id of the pair's existing chat
	 * instead when there is one (the create is then a no-op).
	 */
	public CreateResult create(StoredChat chat, Instant now) {
		List<String> keys = new ArrayList<>(List
			.of(RedisKeys.chat(chat.id()), RedisKeys.members(chat.id()), RedisKeys.lease(chat.id()), chat.isDirect()
					? RedisKeys.direct(chat.memberIds().get(0), chat.memberIds().get(1)) : RedisKeys.chat(chat.id())));
		chat.memberIds().forEach(member -> keys.add(RedisKeys.userChats(member)));
		List<String> args = new ArrayList<>(
				List.of(chat.id(), chat.type().spelling(), (chat.name() != null) ? chat.name() : "",
						chat.createdAt().toString(), String.valueOf(now.toEpochMilli()),
						String.valueOf(this.properties.chat().leaseTtl().toMillis()), chat.isDirect() ? "1" : "0"));
		args.addAll(chat.memberIds());
		List<?> result = this.redis.execute(RedisScripts.CREATE_CHAT, keys, args.toArray());
		return new CreateResult("created".equals(String.valueOf(result.get(0))), String.valueOf(result.get(1)));
	}

	public record CreateResult(boolean created, String chatId) {
	}

	/**
	 * Claims the pair's key for a chat known from MySQL; returns the id that holds it
	 * now.
	 */
	public String claimDirect(String userA, String userB, String chatId) {
		String key = RedisKeys.direct(userA, userB);
		Boolean claimed = this.redis.opsForValue().setIfAbsent(key, chatId);
		return Boolean.TRUE.equals(claimed) ? chatId : this.redis.opsForValue().get(key);
	}

	/**
	 * Drops the pair's key if it still points at {@code staleChatId}, a chat nobody
	 * knows.
	 */
	public void releaseDirect(String userA, String userB, String staleChatId) {
		this.redis.execute(RedisScripts.DELETE_IF_EQUALS, List.of(RedisKeys.direct(userA, userB)), staleChatId);
	}

	public Optional<String> directChatId(String userA, String userB) {
		return Optional.ofNullable(this.redis.opsForValue().get(RedisKeys.direct(userA, userB)));
	}

	/** Adds members; false when the chat would pass {@code maxMembers}. */
	public boolean addMembers(String chatId, Collection<String> userIds, int maxMembers, Instant now) {
		List<String> keys = new ArrayList<>(List.of(RedisKeys.chat(chatId), RedisKeys.members(chatId)));
		userIds.forEach(id -> keys.add(RedisKeys.userChats(id)));
		List<String> args = new ArrayList<>(
				List.of(chatId, String.valueOf(maxMembers), String.valueOf(now.toEpochMilli())));
		args.addAll(userIds);
		return "ok".equals(this.redis.execute(RedisScripts.ADD_MEMBERS, keys, args.toArray()));
	}

	public void leave(String chatId, String userId) {
		this.redis.execute(RedisScripts.LEAVE_CHAT, List.of(RedisKeys.members(chatId), RedisKeys.userChats(userId)),
				chatId, userId);
	}

	/** The user's chat ids, most recent activity first. */
	public List<String> userChatIds(String userId) {
		Set<String> ids = this.redis.opsForZSet().reverseRange(RedisKeys.userChats(userId), 0, -1);
		return (ids != null) ? new ArrayList<>(ids) : List.of();
	}

	private static String emptyToNull(String value) {
		return (value == null || value.isEmpty()) ? null : value;
	}

	static long parseLong(String value) {
		try {
			return (value != null) ? Long.parseLong(value) : 0;
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	/** ISO-8601 as chat-service writes it; epoch millis tolerated. */
	static Instant instant(String value) {
		if (value == null || value.isEmpty()) {
			return Instant.EPOCH;
		}
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			try {
				return Instant.ofEpochMilli(Long.parseLong(value));
			}
			catch (NumberFormatException ignored) {
				return Instant.EPOCH;
			}
		}
	}

}
