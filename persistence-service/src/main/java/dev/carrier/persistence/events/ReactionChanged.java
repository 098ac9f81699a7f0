package dev.carrier.persistence.events;

import java.time.Instant;

/**
 * {@code carrier.chat.reaction-changed}: a member added ({@code present}) or removed an
 * emoji reaction to a message; the latest {@code changedAt} wins, whatever the order the
 * events arrive in.
 */
public record ReactionChanged(String eventId, Instant occurredAt, String chatId, String messageId, long seq,
		String userId, String emoji, Boolean present, Instant changedAt) implements Event {

	/** In UTF-16 chars, as chat-service counts them; the column holds as many. */
	public static final int MAX_EMOJI_LENGTH = 64;

	@Override
	public void requireComplete() {
		Event.require(this.chatId, "chatId");
		Event.require(this.messageId, "messageId");
		Event.require(this.userId, "userId");
		Event.require(this.emoji, "emoji");
		// a boolean left out would read as false and remove a reaction nobody removed
		Event.require(this.present, "present");
		Event.require(this.changedAt, "changedAt");
		if (this.emoji.isEmpty() || this.emoji.length() > MAX_EMOJI_LENGTH) {
			throw new EventUnreadable("emoji must be 1 to " + MAX_EMOJI_LENGTH + " chars");
		}
		if (this.seq < 1) {
			throw new EventUnreadable("seq must be positive");
		}
	}

}
