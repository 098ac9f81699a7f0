package dev.carrier.chat.events;

/**
 * Every Kafka topic chat-service produces or consumes (docs/architecture.md, "Kafka
 * topics").
 */
public final class Topics {

	public static final String CHAT_CHANGED = "carrier.chat.chat-changed";

	public static final String MESSAGE_SENT = "carrier.chat.message-sent";

	public static final String MESSAGE_DELETED = "carrier.chat.message-deleted";

	public static final String MESSAGE_EDITED = "carrier.chat.message-edited";

	public static final String REACTION_CHANGED = "carrier.chat.reaction-changed";

	public static final String CHAT_HIDDEN = "carrier.chat.chat-hidden";

	public static final String READ_CHANGED = "carrier.chat.read-changed";

	/** Consumed: how far MySQL holds each chat (persistence-service's reports). */
	public static final String MESSAGES_STORED = "carrier.persistence.messages-stored";

	public static final String USER_CHANGED = "carrier.auth.user-changed";

	private Topics() {
	}

}
