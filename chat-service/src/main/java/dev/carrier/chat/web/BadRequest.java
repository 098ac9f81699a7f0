package dev.carrier.chat.web;

/**
 * The request is well-formed but breaks a rule (a direct chat cannot be left, seq beyond the chat).
 */
public class BadRequest extends RuntimeException {

	public BadRequest(String message) {
		super(message);
	}

}
