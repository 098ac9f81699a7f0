package dev.carrier.chat.messages;

import dev.carrier.chat.realtime.Push;

/**
 * The pushes of a chat's messages to its members' sockets.
 */
public sealed interface MessagePush extends Push {

	/**
	 * {@code {"type":"message.created","message":{...}}}, sent once the message is
	 * acknowledged.
	 */
	record Created(String type, Message message) implements MessagePush {

		public Created(Message message) {
			this("message.created", message);
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
