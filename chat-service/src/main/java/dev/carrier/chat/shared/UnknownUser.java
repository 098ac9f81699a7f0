package dev.carrier.chat.shared;

/**
 * An internal call names a user id that cannot be one (not a canonical UUID).
 */
public class UnknownUser extends RuntimeException {

	public UnknownUser() {
		super("Unknown user");
	}

}
