package dev.carrier.chat.shared;

/**
 * The request is well-formed but breaks a rule (a direct chat cannot be left, seq beyond
 * the chat).
 */
public class InvalidRequest extends RuntimeException {

	public InvalidRequest(String message) {
		super(message);
	}

}
