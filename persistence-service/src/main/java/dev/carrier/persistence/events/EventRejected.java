package dev.carrier.persistence.events;

/**
 * A well-formed record that MySQL refuses on its own (a constraint it breaks): retrying
 * cannot help, so it goes to the dead-letter topic and the rest of its batch is written.
 */
public class EventRejected extends RuntimeException {

	public EventRejected(String message, Throwable cause) {
		super(message, cause);
	}

}
