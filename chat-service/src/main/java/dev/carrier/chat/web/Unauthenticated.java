package dev.carrier.chat.web;

/**
 * No caller identity: the request carries no identity assertion signed by the gateway.
 */
public class Unauthenticated extends RuntimeException {

	public Unauthenticated() {
		super("Authentication required");
	}

}
