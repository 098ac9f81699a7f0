package dev.carrier.persistence.snapshots;

/**
 * The consumers could not be shown to hold everything Kafka acknowledged: the request
 * must be retried later (503 with Retry-After), never answered from MySQL as it is.
 */
public class ConsumersBehind extends RuntimeException {

	public ConsumersBehind(String message) {
		super(message);
	}

}
