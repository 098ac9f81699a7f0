package dev.carrier.auth.events;

/**
 * Kafka did not acknowledge an event in time; the change it describes is not acknowledged
 * either.
 */
public class EventNotPublished extends RuntimeException {

	public EventNotPublished(String topic, Throwable cause) {
		super("Could not publish to " + topic, cause);
	}

}
