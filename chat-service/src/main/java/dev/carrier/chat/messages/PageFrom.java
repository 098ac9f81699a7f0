package dev.carrier.chat.messages;

/**
 * Where a page of messages starts, as read-messages.lua takes it.
 */
enum PageFrom {

	/** The newest messages. */
	LATEST("latest"),

	/** The messages just below a seq. */
	BEFORE("before"),

	/** The messages just above a seq. */
	AFTER("after");

	private final String scriptArgument;

	PageFrom(String scriptArgument) {
		this.scriptArgument = scriptArgument;
	}

	String scriptArgument() {
		return this.scriptArgument;
	}

}
