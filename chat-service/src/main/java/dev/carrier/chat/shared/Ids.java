package dev.carrier.chat.shared;

import java.util.regex.Pattern;

/**
 * Ids are canonical lower-case UUID strings; anything else (an upper-case spelling
 * included) cannot name a chat, message or user, and is a 404 before any store is asked.
 */
public final class Ids {

	private static final Pattern UUID = Pattern
		.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

	private Ids() {
	}

	public static boolean isValid(String id) {
		return id != null && UUID.matcher(id).matches();
	}

}
