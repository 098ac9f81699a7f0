package dev.carrier.chat.messages;

import java.time.Instant;
import java.util.List;

import dev.carrier.chat.RedisKeys;
import dev.carrier.chat.RedisScripts;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Edits of cached messages: find the sender's own entry with the chat's generation
 * (find-message.lua, which also finds anyone's message for a quote or a reaction), then,
 * once Kafka has the edit, write it and push it in one step if that incarnation is still
 * cached (apply-edit.lua), with the quotes of the replies to it.
 */
@Component
class EditStore {

	private final StringRedisTemplate redis;

	private final JsonMapper json;

	EditStore(StringRedisTemplate redis, JsonMapper json) {
		this.redis = redis;
		this.json = json;
	}

	/** Where the message is. */
	enum Found {

		/** In the cached list, acknowledged, not deleted (and the sender's own). */
		CACHED,
		/** Someone else's, deleted, pending or unknown to the list's range. */
		NOT_FOUND,
		/** Not in the list: it may be older than the list. */
		NOT_CACHED,
		/** The chat is not cached. */
		NO_CHAT

	}

	/** The outcome, the cached entry when there is one, and the chat's generation. */
	record Lookup(Found found, Message message, String generation) {
	}

	Lookup find(String chatId, String messageId, String senderId) {
		List<?> result = this.redis.execute(RedisScripts.FIND_MESSAGE,
				List.of(RedisKeys.chat(chatId), RedisKeys.messages(chatId)), messageId, senderId);
		return switch (String.valueOf(result.get(0))) {
			case "found" -> new Lookup(Found.CACHED, parse(result.get(1)), String.valueOf(result.get(2)));
			case "not-cached" -> new Lookup(Found.NOT_CACHED, null, String.valueOf(result.get(2)));
			case "not-found" -> new Lookup(Found.NOT_FOUND, null, null);
			default -> new Lookup(Found.NO_CHAT, null, null);
		};
	}

	/** What {@link #apply} did. */
	enum Applied {

		/** The entry holds the edit, and the push is out. */
		EDITED,
		/**
		 * The entry left the list (MySQL holds it and gets the edit); the push is out.
		 */
		TRIMMED,
		/** Deleted meanwhile: nothing written, nothing pushed. */
		DELETED,
		/** The cache lost the incarnation the edit was checked against. */
		STALE

	}

	Applied apply(String chatId, String messageId, String generation, Message edit, String fanoutEnvelope) {
		List<?> result = this.redis.execute(RedisScripts.APPLY_EDIT,
				List.of(RedisKeys.chat(chatId), RedisKeys.messages(chatId)), messageId, generation, edit.text(),
				edit.editedAt().toString(), RedisKeys.EVENTS_CHANNEL, fanoutEnvelope, Quote.excerpt(edit.text()),
				edit.mentions().isEmpty() ? "" : this.json.writeValueAsString(edit.mentions()));
		return switch (String.valueOf(result.get(0))) {
			case "edited" -> Applied.EDITED;
			case "trimmed" -> Applied.TRIMMED;
			case "deleted" -> Applied.DELETED;
			default -> Applied.STALE;
		};
	}

	private Message parse(Object raw) {
		return this.json.readValue(String.valueOf(raw), Message.class);
	}

}
