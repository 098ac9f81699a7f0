package dev.carrier.auth.accounts;

/** A username or email is already someone's (compared case-insensitively). */
public class AccountTaken extends RuntimeException {

	private final String field;

	public AccountTaken(String field) {
		super("That " + field + " is already taken");
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}
