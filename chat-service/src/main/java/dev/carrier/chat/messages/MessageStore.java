package dev.carrier.chat.messages;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.carrier.chat.CarrierProperties;
import dev.carrier.chat.RedisKeys;
import dev.carrier.chat.RedisScripts;
import dev.carrier.chat.events.SystemLine;
import dev.carrier.chat.shared.Ids;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * A chat's recent messages in Redis: a bounded list, oldest first, whose seqs are
 * contiguous. An entry is pending from its append until Kafka acknowledged it, and only
 * then visible.
 */
@Component
class MessageStore {

	/**
	 * How an entry appended but not yet acknowledged reads in the list
	 * (send-message.lua).
	 */
	static final String PENDING = "\"pending\":true";

	/**
	 * Sends in flight at once per chat are few; the newest acknowledged one is among
	 * these.
	 */
	static final int LAST_SCAN = 64;

	private final StringRedisTemplate redis;

	private final JsonMapper json;

	private final CarrierProperties properties;

	MessageStore(StringRedisTemplate redis, JsonMapper json, CarrierProperties properties) {
		this.redis = redis;
		this.json = json;
		this.properties = properties;
	}

	/** What {@link #append} did. */
	enum Outcome {

		CREATED, EXISTING, EXISTING_TRIMMED, NO_CHAT, NOT_MEMBER

	}

	/**
	 * The outcome, the message when there is one (or only its id when it left the list),
	 * the generation of the chat's incarnation that holds it, and the chat's members
	 * then.
	 */
	record Appended(Outcome outcome, Message message, String messageId, String generation, List<String> memberIds) {

		static Appended refused(Outcome outcome) {
			return new Appended(outcome, null, null, null, List.of());
		}

	}

	Appended append(String chatId, String senderId, String clientMessageId, MessageContent content, Instant now) {
		String messageId = Ids.newMessageId();
		List<String> keys = List.of(RedisKeys.chat(chatId), RedisKeys.members(chatId), RedisKeys.messages(chatId),
				RedisKeys.clientIds(chatId), RedisKeys.read(chatId), RedisKeys.lease(chatId));
		List<?> result = this.redis.execute(RedisScripts.SEND_MESSAGE, keys, chatId, senderId,
				senderId + ":" + clientMessageId, messageId, content.text(), now.toString(),
				String.valueOf(now.toEpochMilli()), String.valueOf(this.properties.chat().leaseTtl().toMillis()),
				String.valueOf(this.properties.chat().messageBound()), RedisKeys.USER_CHATS_PREFIX,
				(content.quote() != null) ? this.json.writeValueAsString(content.quote()) : "",
				jsonOrEmpty(content.mentions()), jsonOrEmpty(content.attachments()),
				(content.system() != null) ? this.json.writeValueAsString(content.system()) : "");
		String status = String.valueOf(result.get(0));
		return switch (status) {
			case "created" ->
				new Appended(Outcome.CREATED, created(chatId, senderId, messageId, content, now, number(result.get(1))),
						null, String.valueOf(result.get(2)), strings(result.get(3)));
			case "existing" -> new Appended(Outcome.EXISTING, parse(result.get(1)), null, String.valueOf(result.get(2)),
					strings(result.get(3)));
			case "existing-trimmed" -> new Appended(Outcome.EXISTING_TRIMMED, null, String.valueOf(result.get(1)),
					String.valueOf(result.get(2)), strings(result.get(3)));
			case "not-member" -> Appended.refused(Outcome.NOT_MEMBER);
			default -> Appended.refused(Outcome.NO_CHAT);
		};
	}

	/**
	 * The entry the script appended, as a reader parses it, built from what the script
	 * was given and the seq it took. Parsing the entry back was one more JSON pass on
	 * every send (issue 17); {@code RepliesAndReactionsIntegrationTests} holds the two
	 * forms equal.
	 */
	private static Message created(String chatId, String senderId, String messageId, MessageContent content,
			Instant sentAt, long seq) {
		return new Message(messageId, chatId, seq, senderId, content.text(), sentAt, false, null, content.quote(),
				List.of(), content.mentions(), content.attachments(), content.system());
	}

	/**
	 * A non-empty list as JSON, or '' (the scripts leave empty arrays out of entries).
	 */
	private String jsonOrEmpty(List<?> values) {
		return values.isEmpty() ? "" : this.json.writeValueAsString(values);
	}

	private static List<String> strings(Object raw) {
		return ((List<?>) raw).stream().map(String::valueOf).toList();
	}

	/**
	 * Makes an appended message visible and hands its push to the fan-out channel, if the
	 * chat's incarnation that holds it is still the cached one (confirm-message.lua).
	 * @return false when the cache lost that incarnation: the seq may be handed out again
	 */
	boolean confirm(Message message, String generation, String fanoutEnvelope) {
		String outcome = this.redis.execute(RedisScripts.CONFIRM_MESSAGE,
				List.of(RedisKeys.chat(message.chatId()), RedisKeys.messages(message.chatId())), message.id(),
				String.valueOf(message.seq()), generation, RedisKeys.EVENTS_CHANNEL, fanoutEnvelope);
		return "confirmed".equals(outcome);
	}

	/**
	 * The cached part of a page: the chat's last seq, the first seq the list holds, the
	 * page's seq range and the cached messages of it.
	 */
	record CachedPage(long lastSeq, long firstCachedSeq, long lo, long hi, List<Message> cached) {
	}

	CachedPage page(String chatId, PageFrom from, long seq, int limit) {
		List<?> result = this.redis.execute(RedisScripts.READ_MESSAGES,
				List.of(RedisKeys.chat(chatId), RedisKeys.messages(chatId)), from.scriptArgument(), String.valueOf(seq),
				String.valueOf(limit));
		List<Message> cached = new ArrayList<>();
		for (int i = 4; i < result.size(); i++) {
			cached.add(parse(result.get(i)));
		}
		return new CachedPage(number(result.get(0)), number(result.get(1)), number(result.get(2)),
				number(result.get(3)), cached);
	}

	/** The newest acknowledged message (sends still waiting for Kafka are not shown). */
	Optional<Message> last(String chatId) {
		// the chat list asks this for every chat: one entry is the usual answer, the scan
		// the exception
		String newestEntry = this.redis.opsForList().index(RedisKeys.messages(chatId), -1);
		if (newestEntry == null) {
			return Optional.empty();
		}
		if (!newestEntry.contains(PENDING)) {
			return Optional.of(parse(newestEntry));
		}
		List<String> newest = this.redis.opsForList().range(RedisKeys.messages(chatId), -LAST_SCAN, -1);
		if (newest == null) {
			return Optional.empty();
		}
		for (int i = newest.size() - 1; i >= 0; i--) {
			if (!newest.get(i).contains(PENDING)) {
				return Optional.of(parse(newest.get(i)));
			}
		}
		return Optional.empty();
	}

	/** What {@link #tombstone} found (delete-message.lua). */
	enum Tombstone {

		/** The sender's message was in the list and is a tombstone now. */
		DELETED,
		/** Someone else's message, or one not acknowledged yet. */
		NOT_FOUND,
		/** The list does not hold it; it may be older than the list. */
		NOT_CACHED

	}

	/** The outcome of {@link #tombstone}, with the tombstone when there is one. */
	record Tombstoned(Tombstone outcome, Message message) {
	}

	Tombstoned tombstone(String chatId, String messageId, String senderId) {
		List<?> result = this.redis.execute(RedisScripts.DELETE_MESSAGE, List.of(RedisKeys.messages(chatId)), messageId,
				senderId);
		Tombstone outcome = switch (String.valueOf(result.get(0))) {
			case "deleted" -> Tombstone.DELETED;
			case "not-cached" -> Tombstone.NOT_CACHED;
			default -> Tombstone.NOT_FOUND;
		};
		return new Tombstoned(outcome, (result.size() > 1) ? parse(result.get(1)) : null);
	}

	private Message parse(Object raw) {
		return this.json.readValue(String.valueOf(raw), Message.class);
	}

	private static long number(Object raw) {
		return Long.parseLong(String.valueOf(raw));
	}

}
