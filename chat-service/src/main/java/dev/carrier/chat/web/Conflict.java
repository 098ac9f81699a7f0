package dev.carrier.chat.web;

/**
 * The request collides with what exists; {@code property} carries the existing thing so the
 * client can use it (a direct chat's 409 carries the chat).
 */
public class Conflict extends RuntimeException {

	private final String property;

	private final transient Object value;

	public Conflict(String message, String property, Object value) {
		super(message);
		this.property = property;
		this.value = value;
	}

	public String property() {
		return this.property;
	}

	public Object value() {
		return this.value;
	}

}
