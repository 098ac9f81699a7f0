package dev.carrier.auth.credentials;

/**
 * The hashing pool is full, or the caller's account or address has its share of it in
 * flight: the caller should come back shortly (429 with Retry-After).
 */
public class HashingBusy extends RuntimeException {

	public HashingBusy() {
		this("Too many logins at once; try again in a moment");
	}

	public HashingBusy(String message) {
		super(message);
	}

}
