package dev.carrier.persistence.events;

/** An event consumed from Kafka, checked before anything is written. */
public interface Event {

	/**
	 * @throws EventUnreadable when a field the write needs is missing
	 */
	void requireComplete();

	static void require(Object value, String field) {
		if (value == null) {
			throw new EventUnreadable(field + " is missing");
		}
	}

}
