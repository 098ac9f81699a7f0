package dev.carrier.chat.messages;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.carrier.chat.CarrierProperties;
import dev.carrier.chat.RedisKeys;
import dev.carrier.chat.RedisScripts;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * A chat's recent messages in Redis: a bounded list, oldest first, whose seqs are contiguous.
 */
@Component
public class MessageStore {

	private final StringRedisTemplate redis;

	private final JsonMapper json;

	private final CarrierProperties properties;

	public MessageStore(StringRedisTemplate redis, JsonMapper json, CarrierProperties properties) {
		this.redis = redis;
		this.json = json;
		this.properties = properties;
	}

	/** What {@link #append} did. */
	public enum Outcome {

		CREATED, EXISTING, EXISTING_TRIMMED, NO_CHAT, NOT_MEMBER

	}

	/** The outcome, and the message when there is one (or only its id when it left the list). */
	public record Appended(Outcome outcome, Message message, String messageId) {
	}

	public Appended append(String chatId, List<String> memberIds, String senderId, String clientMessageId,
			String text, Instant now) {
		String messageId = java.util.UUID.randomUUID().toString();
		List<String> keys = new ArrayList<>(List.of(RedisKeys.chat(chatId), RedisKeys.members(chatId),
				RedisKeys.messages(chatId), RedisKeys.clientIds(chatId), RedisKeys.read(chatId),
				RedisKeys.lease(chatId)));
		memberIds.forEach(member -> keys.add(RedisKeys.userChats(member)));
		List<?> result = this.redis.execute(RedisScripts.SEND_MESSAGE, keys, chatId, senderId,
				senderId + ":" + clientMessageId, messageId, text, now.toString(), String.valueOf(now.toEpochMilli()),
				String.valueOf(this.properties.chat().leaseTtl().toMillis()),
				String.valueOf(this.properties.chat().messageBound()));
		String status = String.valueOf(result.get(0));
		return switch (status) {
			case "created" -> new Appended(Outcome.CREATED, parse(result.get(1)), null);
			case "existing" -> new Appended(Outcome.EXISTING, parse(result.get(1)), null);
			case "existing-trimmed" -> new Appended(Outcome.EXISTING_TRIMMED, null, String.valueOf(result.get(1)));
			case "not-member" -> new Appended(Outcome.NOT_MEMBER, null, null);
			default -> new Appended(Outcome.NO_CHAT, null, null);
		};
	}

	/**
	 * The cached part of a page: the chat's last seq, the first seq the list holds, the page's
	 * seq range and the cached messages of it.
	 */
	public record CachedPage(long lastSeq, long firstCachedSeq, long lo, long hi, List<Message> cached) {
	}

	public CachedPage page(String chatId, String mode, long seq, int limit) {
		List<?> result = this.redis.execute(RedisScripts.READ_MESSAGES,
				List.of(RedisKeys.chat(chatId), RedisKeys.messages(chatId)), mode, String.valueOf(seq),
				String.valueOf(limit));
		List<Message> cached = new ArrayList<>();
		for (int i = 4; i < result.size(); i++) {
			cached.add(parse(result.get(i)));
		}
		return new CachedPage(number(result.get(0)), number(result.get(1)), number(result.get(2)),
				number(result.get(3)), cached);
	}

	public Optional<Message> last(String chatId) {
		String last = this.redis.opsForList().index(RedisKeys.messages(chatId), -1);
		return Optional.ofNullable(last).map(this::parse);
	}

	/** The outcome of {@link #tombstone}. */
	public record Tombstoned(String status, Message message) {
	}

	public Tombstoned tombstone(String chatId, String messageId, String senderId) {
		List<?> result = this.redis.execute(RedisScripts.DELETE_MESSAGE, List.of(RedisKeys.messages(chatId)),
				messageId, senderId);
		String status = String.valueOf(result.get(0));
		return new Tombstoned(status, (result.size() > 1) ? parse(result.get(1)) : null);
	}

	private Message parse(Object raw) {
		return this.json.readValue(String.valueOf(raw), Message.class);
	}

	private static long number(Object raw) {
		return Long.parseLong(String.valueOf(raw));
	}

}
