package dev.carrier.chat.chats;

/**
 * The pair already has its direct chat; it travels with the refusal so the client can
 * open it.
 */
public class DirectChatExists extends RuntimeException {

	private final transient Chat chat;

	public DirectChatExists(Chat chat) {
		super("A direct chat with this user already exists");
		this.chat = chat;
	}

	public Chat chat() {
		return this.chat;
	}

}
