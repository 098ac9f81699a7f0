package dev.carrier.chat.web;

/**
 * Something does not exist, or the caller may not see it; the two are indistinguishable on purpose.
 */
public class NotFound extends RuntimeException {

	public NotFound(String message) {
		super(message);
	}

	public static NotFound chat() {
		return new NotFound("Chat not found");
	}

}
