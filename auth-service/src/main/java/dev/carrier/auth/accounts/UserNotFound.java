package dev.carrier.auth.accounts;

public class UserNotFound extends RuntimeException {

	public UserNotFound() {
		super("No such user");
	}

}
