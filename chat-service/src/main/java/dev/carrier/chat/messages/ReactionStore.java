package dev.carrier.chat.messages;

import java.util.List;

import dev.carrier.chat.RedisKeys;
import dev.carrier.chat.RedisScripts;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Reaction changes written into a cached message and pushed, in one step
 * (apply-reaction.lua).
 */
@Component
class ReactionStore {

	private final StringRedisTemplate redis;

	ReactionStore(StringRedisTemplate redis) {
		this.redis = redis;
	}

	/** What {@link #apply} did. */
	enum Applied {

		/** The entry holds the change, and the message is pushed as it now stands. */
		APPLIED,
		/**
		 * The entry left the list (MySQL holds it and gets the change); nothing pushed.
		 */
		TRIMMED,
		/** Deleted meanwhile: nothing written, nothing pushed. */
		DELETED,
		/** The cache lost the incarnation the change was checked against. */
		STALE

	}

	Applied apply(String chatId, String messageId, String generation, ReactionChange change, String envelopeHead) {
		List<?> result = this.redis.execute(RedisScripts.APPLY_REACTION,
				List.of(RedisKeys.chat(chatId), RedisKeys.messages(chatId)), messageId, generation, change.userId(),
				change.emoji(), change.present() ? "1" : "0", RedisKeys.EVENTS_CHANNEL, envelopeHead);
		return switch (String.valueOf(result.get(0))) {
			case "applied" -> Applied.APPLIED;
			case "trimmed" -> Applied.TRIMMED;
			case "deleted" -> Applied.DELETED;
			default -> Applied.STALE;
		};
	}

}
