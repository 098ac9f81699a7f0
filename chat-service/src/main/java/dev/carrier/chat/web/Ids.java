package dev.carrier.chat.web;

import java.util.regex.Pattern;

/**
 * Ids are UUID strings; anything else cannot name a chat, message or user.
 */
public final class Ids {

	private static final Pattern UUID = Pattern
		.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

	private Ids() {
	}

	public static boolean isValid(String id) {
		return id != null && UUID.matcher(id).matches();
	}

}
