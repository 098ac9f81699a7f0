package dev.carrier.auth.credentials;

/** The hashing pool is full: the caller should come back shortly (429 with Retry-After). */
public class HashingBusy extends RuntimeException {

	public HashingBusy() {
		super("Too many logins at once; try again in a moment");
	}

}
