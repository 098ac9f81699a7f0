package dev.carrier.chat.web;

/**
 * No caller identity: the gateway did not set {@code X-Carrier-User-Id}.
 */
public class Unauthenticated extends RuntimeException {

	public Unauthenticated() {
		super("Authentication required");
	}

}
