package dev.carrier.persistence.flush;

/** What a flush did with an expired chat. */
public enum FlushOutcome {

	/** Redis no longer holds the chat: evicted before, or never cached. */
	NOT_CACHED,

	/** The chat has a lease again (it woke up): nothing evicted; what was read is in MySQL. */
	LEASED,

	/** MySQL holds everything and the chat's keys are gone from Redis. */
	EVICTED

}
