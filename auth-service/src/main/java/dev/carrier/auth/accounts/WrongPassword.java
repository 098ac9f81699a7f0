package dev.carrier.auth.accounts;

/**
 * The current password given to a password change is wrong: the action is refused (403),
 * the session stays valid, so a client must not read it as a dead session (that is 401).
 */
public class WrongPassword extends RuntimeException {

	public WrongPassword() {
		super("The current password is wrong");
	}

}
