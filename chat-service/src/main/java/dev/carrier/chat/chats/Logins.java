package dev.carrier.chat.chats;

/**
 * What a member in a request may look like: a username (docs/api.md: 3–32 of
 * {@code [A-Za-z0-9_.-]}) or an email address, optionally padded with spaces (they are
 * trimmed). Anything else (control characters, blanks, line breaks) cannot name a user,
 * so it is refused here with a 400 instead of being sent to auth-service.
 */
final class Logins {

	static final String PATTERN = "^[ \\t]*(?:[A-Za-z0-9_.-]{3,32}|[^\\s\\p{C}@]{1,64}@[^\\s\\p{C}@]{1,253})[ \\t]*$";

	static final String MESSAGE = "must be a username (3-32 of A-Z a-z 0-9 _ . -) or an email address";

	private Logins() {
	}

}
