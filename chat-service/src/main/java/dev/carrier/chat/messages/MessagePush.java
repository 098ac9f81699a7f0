package dev.carrier.chat.messages;

import dev.carrier.chat.realtime.Push;
import tools.jackson.databind.util.RawValue;

/**
 * The pushes of a chat's messages to its members' sockets.
 */
public sealed interface MessagePush extends Push {

	/**
	 * {@code {"type":"message.created","message":{...}}}, sent once the message is
	 * acknowledged.
	 */
	record Created(String type, Message message) implements MessagePush {

		static final String TYPE = "message.created";

		public Created(Message message) {
			this(TYPE, message);
		}

	}

	/**
	 * The same frame as {@link Created}, for a message already encoded: its JSON is
	 * written as it is, so the send that pushes it can answer its sender with the same
	 * text.
	 */
	record CreatedFromJson(String type, RawValue message) implements MessagePush {

		CreatedFromJson(String messageJson) {
			this(Created.TYPE, new RawValue(messageJson));
		}

	}

	/**
	 * {@code {"type":"message.updated","message":{...}}}, sent once an edit is
	 * acknowledged.
	 */
	record Updated(String type, Message message) implements MessagePush {

		public Updated(Message message) {
			this("message.updated", message);
		}

	}

	/** {@code {"type":"message.deleted","chatId","messageId"}}. */
	record Deleted(String type, String chatId, String messageId) implements MessagePush {

		public Deleted(String chatId, String messageId) {
			this("message.deleted", chatId, messageId);
		}

	}

}
