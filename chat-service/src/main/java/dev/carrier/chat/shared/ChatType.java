package dev.carrier.chat.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A direct chat of two people, or a named group. Spelled {@code "direct"} and
 * {@code "group"} wherever it leaves Java: the public API, the chat hash in Redis, the
 * {@code ChatChanged} events and persistence-service's snapshots.
 */
public enum ChatType {

	DIRECT("direct"), GROUP("group");

	private final String spelling;

	ChatType(String spelling) {
		this.spelling = spelling;
	}

	/** How JSON, Redis and Kafka spell it. */
	@JsonValue
	public String spelling() {
		return this.spelling;
	}

	@JsonCreator
	public static ChatType fromSpelling(String spelling) {
		for (ChatType type : values()) {
			if (type.spelling.equals(spelling)) {
				return type;
			}
		}
		throw new IllegalArgumentException("Unknown chat type: " + spelling);
	}

}
