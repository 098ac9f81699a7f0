package dev.carrier.persistence.events;

import java.util.List;

/**
 * Every Kafka topic this service consumes (each with a {@code .DLT}) or produces
 * (docs/architecture.md).
 */
public final class Topics {

	public static final String USER_CHANGED = "carrier.auth.user-changed";

	public static final String AVATAR_UPLOADED = "carrier.auth.avatar-uploaded";

	public static final String CHAT_CHANGED = "carrier.chat.chat-changed";

	public static final String MESSAGE_SENT = "carrier.chat.message-sent";

	public static final String MESSAGE_DELETED = "carrier.chat.message-deleted";

	public static final String MESSAGE_EDITED = "carrier.chat.message-edited";

	public static final String READ_CHANGED = "carrier.chat.read-changed";

	public static final String REACTION_CHANGED = "carrier.chat.reaction-changed";

	public static final String CHAT_HIDDEN = "carrier.chat.chat-hidden";

	/**
	 * Produced: how far MySQL holds each chat's messages, for chat-service's trim and
	 * eviction.
	 */
	public static final String MESSAGES_STORED = "carrier.persistence.messages-stored";

	public static final List<String> CONSUMED = List.of(USER_CHANGED, AVATAR_UPLOADED, CHAT_CHANGED, MESSAGE_SENT,
			MESSAGE_DELETED, MESSAGE_EDITED, READ_CHANGED, REACTION_CHANGED, CHAT_HIDDEN);

	private Topics() {
	}

	public static String deadLetter(String topic) {
		return topic + ".DLT";
	}

}
