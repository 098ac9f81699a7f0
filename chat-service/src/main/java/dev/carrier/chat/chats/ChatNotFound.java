package dev.carrier.chat.chats;

/**
 * The chat does not exist, or the caller is not a member: the two are indistinguishable
 * on purpose.
 */
public class ChatNotFound extends RuntimeException {

	public ChatNotFound() {
		super("Chat not found");
	}

}
