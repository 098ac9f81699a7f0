package dev.carrier.gateway.tokens;

/** auth-service could not say whether a token is valid (down, slow or erroring). */
class AuthUnavailable extends RuntimeException {

	AuthUnavailable(String message, Throwable cause) {
		super(message, cause);
	}

}
