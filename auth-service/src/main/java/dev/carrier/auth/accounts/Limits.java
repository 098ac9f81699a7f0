package dev.carrier.auth.accounts;

/** docs/api.md's limits for accounts, in one place for the request records. */
public final class Limits {

	public static final String USERNAME = "[A-Za-z0-9_.-]{3,32}";

	public static final String USERNAME_MESSAGE = "must be 3 to 32 letters, digits, '_', '.' or '-'";

	/** Plausible, not RFC 5322: one @, no spaces, a dot in the domain. */
	public static final String EMAIL = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";

	public static final String EMAIL_MESSAGE = "must be an email address";

	public static final int EMAIL_MAX = 254;

	public static final int PASSWORD_MIN = 8;

	public static final int PASSWORD_MAX = 128;

	private Limits() {
	}

}
