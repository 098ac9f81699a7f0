package dev.carrier.chat.messages;

/**
 * A send reuses the clientMessageId of a message so old it left the cached list and could
 * not be found again; the refusal names that message's id.
 */
public class ClientMessageIdTaken extends RuntimeException {

	private final String messageId;

	public ClientMessageIdTaken(String messageId) {
		super("This clientMessageId belongs to an older message; use a new one for a new message");
		this.messageId = messageId;
	}

	public String messageId() {
		return this.messageId;
	}

}
