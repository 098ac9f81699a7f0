package dev.carrier.persistence.users;

/**
 * The durable record has no such user, or no avatar for one; answered as a 404 problem.
 */
public class UserNotFound extends RuntimeException {

	public UserNotFound(String detail) {
		super(detail);
	}

}
