package dev.carrier.auth.web;

/**
 * The authenticated caller of a public endpoint, as the gateway vouches for them with its
 * signed identity assertion; {@code token} is the bearer token the gateway forwards (or
 * null). Declaring a {@code Caller} parameter makes a handler require one (401
 * otherwise).
 */
public record Caller(String userId, String token) {

	/**
	 * Request attribute holding the user the gateway's assertion names
	 * ({@link CallerTrustFilter}).
	 */
	public static final String ASSERTED_USER_ATTRIBUTE = Caller.class.getName() + ".assertedUser";

	@Override
	public String toString() {
		return "Caller[userId=" + this.userId + "]";
	}

}
