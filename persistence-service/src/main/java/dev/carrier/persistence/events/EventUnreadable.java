package dev.carrier.persistence.events;

/**
 * A record that no retry can fix (not JSON, wrong shape, a field missing): the error
 * handler sends it to the dead-letter topic at once. The message never quotes the
 * record's value, which may hold a password hash.
 */
public class EventUnreadable extends RuntimeException {

	public EventUnreadable(String message) {
		super(message);
	}

	public EventUnreadable(String message, Throwable cause) {
		super(message, cause);
	}

}
