package dev.carrier.bench;

/**
 * Expected vs received live deliveries of a range of acknowledged messages.
 * missingAtSender: echoes to the sender's own sessions (docs/api.md: every session of
 * every member).
 */
record DeliveryTally(long expected, long received, long missing, long missingAtSender, long missingAtRecipients,
		long duplicates, int messagesMissing) {

	static final DeliveryTally NONE = new DeliveryTally(0, 0, 0, 0, 0, 0, 0);

	DeliveryTally plus(DeliveryTally other) {
		return new DeliveryTally(expected + other.expected, received + other.received, missing + other.missing,
				missingAtSender + other.missingAtSender, missingAtRecipients + other.missingAtRecipients,
				duplicates + other.duplicates, messagesMissing + other.messagesMissing);
	}

}
