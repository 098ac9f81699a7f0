package dev.carrier.persistence.hydration;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import dev.carrier.persistence.CarrierProperties;
import dev.carrier.persistence.RedisKeys;
import dev.carrier.persistence.RedisKeys.ChatHash;
import dev.carrier.persistence.messages.MessageStore.RecentMessage;

import org.springframework.data.redis.connection.RedisStringCommands.SetOption;
import org.springframework.data.redis.connection.RedisZSetCommands.ZAddArgs;
import org.springframework.data.redis.connection.DefaultStringRedisConnection;
import org.springframework.data.redis.connection.StringRedisConnection;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.types.Expiration;
import org.springframework.stereotype.Component;

/** chat-service's keys for hydrated chats, in one pipelined round trip. */
@Component
class ChatCacheWriter {

	private static final String LEASE_VALUE = "hydrated";

	private final StringRedisTemplate redis;

	private final JsonMapper json;

	private final Duration leaseTtl;

	ChatCacheWriter(StringRedisTemplate redis, JsonMapper json, CarrierProperties properties) {
		this.redis = redis;
		this.json = json;
		this.leaseTtl = properties.chat().leaseTtl();
	}

	/** @return the ids among {@code chatIds} whose chat hash is missing from Redis, in order */
	List<String> notCached(List<String> chatIds) {
		if (chatIds.isEmpty()) {
			return List.of();
		}
		List<Object> exists = this.redis.executePipelined((RedisCallback<Object>) (connection) -> {
			StringRedisConnection strings = new DefaultStringRedisConnection(connection);
			for (String chatId : chatIds) {
				strings.exists(RedisKeys.chat(chatId));
			}
			return null;
		});
		List<String> missing = new ArrayList<>();
		for (int i = 0; i < chatIds.size(); i++) {
			if (!Boolean.TRUE.equals(exists.get(i))) {
				missing.add(chatIds.get(i));
			}
		}
		return missing;
	}

	/**
	 * Writes every chat's keys in one pipeline. Per chat the lease goes first (an eviction racing
	 * with us then leaves the chat alone) and the hash last (chat-service treats the hash as "this
	 * chat is cached", so it appears once the rest is there). Leftover data keys of a chat without
	 * a hash are replaced, never merged.
	 */
	void write(List<HydratedChat> chats) {
		if (chats.isEmpty()) {
			return;
		}
		Expiration lease = Expiration.from(this.leaseTtl);
		this.redis.executePipelined((RedisCallback<Object>) (connection) -> {
			StringRedisConnection strings = new DefaultStringRedisConnection(connection);
			for (HydratedChat chat : chats) {
				String id = chat.id();
				strings.set(RedisKeys.lease(id), LEASE_VALUE, lease, SetOption.upsert());
				strings.del(RedisKeys.members(id), RedisKeys.messages(id), RedisKeys.read(id));
				if (!chat.memberIds().isEmpty()) {
					strings.sAdd(RedisKeys.members(id), chat.memberIds().toArray(String[]::new));
				}
				if (!chat.recentMessages().isEmpty()) {
					strings.rPush(RedisKeys.messages(id), chat.recentMessages()
						.stream()
						.map((recent) -> this.json.writeValueAsString(recent.message()))
						.toArray(String[]::new));
				}
				Map<String, String> clientIds = clientIds(chat.recentMessages());
				if (!clientIds.isEmpty()) {
					strings.hMSet(RedisKeys.clientIds(id), clientIds);
				}
				if (!chat.readPositions().isEmpty()) {
					Map<String, String> reads = new LinkedHashMap<>();
					chat.readPositions().forEach((userId, seq) -> reads.put(userId, Long.toString(seq)));
					strings.hMSet(RedisKeys.read(id), reads);
				}
				if (chat.directKey() != null) {
					strings.set(RedisKeys.direct(chat.directKey()), id);
				}
				long lastActivity = chat.lastActivityMillis();
				for (String memberId : chat.memberIds()) {
					// GT: a newer score chat-service already wrote wins
					strings.zAdd(RedisKeys.userChats(memberId), lastActivity, id, ZAddArgs.empty().gt());
				}
				strings.hMSet(RedisKeys.chat(id), chatHash(chat, lastActivity));
			}
			return null;
		});
	}

	private static Map<String, String> chatHash(HydratedChat chat, long lastActivity) {
		Map<String, String> hash = new LinkedHashMap<>();
		hash.put(ChatHash.ID, chat.id());
		hash.put(ChatHash.TYPE, chat.type());
		if (chat.name() != null) {
			hash.put(ChatHash.NAME, chat.name());
		}
		hash.put(ChatHash.CREATED_AT, chat.createdAt().toString());
		hash.put(ChatHash.LAST_SEQ, Long.toString(chat.lastSeq()));
		hash.put(ChatHash.LAST_ACTIVITY_AT, Long.toString(lastActivity));
		return hash;
	}

	private static Map<String, String> clientIds(List<RecentMessage> messages) {
		Map<String, String> clientIds = new LinkedHashMap<>();
		for (RecentMessage recent : messages) {
			if (recent.clientMessageId() != null) {
				clientIds.put(recent.message().senderId() + ":" + recent.clientMessageId(), recent.message().id());
			}
		}
		return clientIds;
	}

}
