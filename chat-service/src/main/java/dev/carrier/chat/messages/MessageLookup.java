package dev.carrier.chat.messages;

import java.util.Optional;

import dev.carrier.chat.shared.Ids;
import dev.carrier.chat.shared.ServiceUnavailable;

import org.springframework.stereotype.Component;

/**
 * Finds a message of a member's chat that anyone may quote or react to: acknowledged and
 * not deleted, in the cached list or older than it (then from MySQL). The caller has
 * checked membership, which also caches the chat.
 */
@Component
class MessageLookup {

	private final EditStore cache;

	private final MessageHistory history;

	MessageLookup(EditStore cache, MessageHistory history) {
		this.cache = cache;
		this.history = history;
	}

	/**
	 * The message, with the generation of the cached incarnation that holds it (null when
	 * it is older than the cached list).
	 */
	record Visible(Message message, String generation) {

		boolean cached() {
			return this.generation != null;
		}

	}

	Optional<Visible> find(String chatId, String messageId) {
		if (!Ids.isValid(messageId)) {
			return Optional.empty();
		}
		EditStore.Lookup lookup = this.cache.find(chatId, messageId, "");
		return switch (lookup.found()) {
			case CACHED -> Optional.of(new Visible(lookup.message(), lookup.generation()));
			case NOT_CACHED -> this.history.findOlder(chatId, messageId)
				.filter((older) -> !older.deleted() && older.system() == null)
				.map((older) -> new Visible(older, null));
			case NOT_FOUND -> Optional.empty();
			case NO_CHAT -> throw new ServiceUnavailable("The chat left the cache while it was being read; retry");
		};
	}

}
