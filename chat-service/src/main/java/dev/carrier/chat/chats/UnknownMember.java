package dev.carrier.chat.chats;

/**
 * A login given as a chat member names no user auth-service knows.
 */
public class UnknownMember extends RuntimeException {

	public UnknownMember(String login) {
		super("Unknown member: " + login);
	}

}
