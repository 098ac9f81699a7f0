package dev.carrier.persistence.web;

/** The thing asked for is not in the durable record; answered as a 404 problem. */
public class NotFound extends RuntimeException {

	public NotFound(String detail) {
		super(detail);
	}

}
