package dev.carrier.auth.remote;

/** A remote service did not answer in time, answered an error, or its circuit is open. */
public class RemoteUnavailable extends RuntimeException {

	public RemoteUnavailable(String service, Throwable cause) {
		super(service + " is unavailable", cause);
	}

}
