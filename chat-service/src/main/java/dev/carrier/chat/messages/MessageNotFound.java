package dev.carrier.chat.messages;

/**
 * No such message in the chat, or it is not the caller's to delete.
 */
public class MessageNotFound extends RuntimeException {

	public MessageNotFound() {
		super("Message not found");
	}

}
