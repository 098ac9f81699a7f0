package dev.carrier.chat.realtime;

/**
 * {@code {"type":"typing","chatId","userId"}}: a member is typing, relayed to the other
 * members.
 */
public record TypingPush(String type, String chatId, String userId) implements Push {

	static final String TYPE = "typing";

	public TypingPush(String chatId, String userId) {
		this(TYPE, chatId, userId);
	}

}
