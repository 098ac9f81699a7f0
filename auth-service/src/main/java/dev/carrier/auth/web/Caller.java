package dev.carrier.auth.web;

/**
 * The authenticated caller of a public endpoint, as the gateway vouches for them with its signed
 * identity assertion; {@code token} is the bearer token the gateway forwards (or null).
 * Declaring a {@code Caller} parameter makes a handler require one (401 otherwise).
 */
public record Caller(String userId, String token) {

	@Override
	public String toString() {
		return "Caller[userId=" + this.userId + "]";
	}

}
