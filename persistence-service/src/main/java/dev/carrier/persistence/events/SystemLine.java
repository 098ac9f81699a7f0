package dev.carrier.persistence.events;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a system line of a conversation says: {@code type} ({@code member.added},
 * {@code member.left}), the ids of the people it is about, and {@code names}: the
 * usernames of who acted and of those people when it was written (a client's fallback for
 * someone it no longer knows). The message's sender is the member who acted. Stored and
 * served as chat-service wrote it.
 */
public record SystemLine(String type, List<String> userIds, Map<String, String> names) {

	public SystemLine {
		userIds = (userIds != null) ? List.copyOf(userIds) : List.of();
		names = (names != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(names)) : Map.of();
	}

	/**
	 * The line the columns of {@code messages} hold, or null for a person's message.
	 */
	public static SystemLine fromColumns(String type, String userIds, String names) {
		if (type == null) {
			return null;
		}
		Map<String, String> byId = new LinkedHashMap<>();
		for (String pair : split(names)) {
			int equals = pair.indexOf('=');
			if (equals > 0) {
				byId.put(pair.substring(0, equals), pair.substring(equals + 1));
			}
		}
		return new SystemLine(type, split(userIds), byId);
	}

	/** The {@code system_names} column: "id=username" pairs, comma-separated. */
	public String namesColumn() {
		return this.names.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + entry.getValue())
			.reduce((a, b) -> a + "," + b)
			.orElse(null);
	}

	private static List<String> split(String column) {
		return (column == null || column.isEmpty()) ? List.of() : List.of(column.split(","));
	}

}
