package dev.carrier.auth.sessions;

/**
 * No user, a bad or expired token, or wrong credentials: always 401, never which of them.
 */
public class Unauthenticated extends RuntimeException {

	public Unauthenticated(String detail) {
		super(detail);
	}

}
