package dev.carrier.chat.remote;

/**
 * A call that failed in a way worth retrying and worth counting against the circuit: the
 * service was unreachable, timed out, or answered a 5xx other than 503. Named in
 * application.yml's {@code retry-exceptions} and {@code record-exceptions}; never leaves
 * this package.
 */
class RemoteFailure extends RuntimeException {

	RemoteFailure(String message) {
		super(message);
	}

}
