package dev.carrier.chat.shared;

/**
 * A server this request depends on (auth-service, persistence-service, Kafka) did not
 * answer; the client may retry.
 */
public class ServiceUnavailable extends RuntimeException {

	public ServiceUnavailable(String message) {
		super(message);
	}

}
