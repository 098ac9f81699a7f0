package dev.carrier.persistence.events;

import java.time.Instant;

/**
 * {@code carrier.chat.chat-hidden}: a member hid a direct chat from their chat list
 * ({@code hidden}, at the chat's {@code hiddenSeq}) or showed it again; the latest
 * {@code changedAt} wins, whatever the order the events arrive in.
 */
public record ChatHidden(String eventId, Instant occurredAt, String chatId, String userId, Boolean hidden,
		Long hiddenSeq, Instant changedAt) implements Event {

	@Override
	public void requireComplete() {
		Event.require(this.chatId, "chatId");
		Event.require(this.userId, "userId");
		// a boolean left out would read as false and show a chat nobody showed
		Event.require(this.hidden, "hidden");
		Event.require(this.changedAt, "changedAt");
		// a seq left out would read as 0, which shows the chat again at its first message
		if (this.hidden) {
			Event.require(this.hiddenSeq, "hiddenSeq");
		}
		if (this.hiddenSeq != null && this.hiddenSeq < 0) {
			throw new EventUnreadable("hiddenSeq must not be negative");
		}
	}

	/** The seq the chat was hidden at; 0 for a chat shown again. */
	public long hiddenSeqOrZero() {
		return (this.hiddenSeq != null) ? this.hiddenSeq : 0;
	}

}
