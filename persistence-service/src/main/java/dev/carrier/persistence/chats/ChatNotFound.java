package dev.carrier.persistence.chats;

/**
 * The durable record has no such chat (or none the asker may see); answered as a 404
 * problem.
 */
public class ChatNotFound extends RuntimeException {

	public ChatNotFound(String detail) {
		super(detail);
	}

	public static ChatNotFound withId(String chatId) {
		return new ChatNotFound("No chat " + chatId);
	}

}
