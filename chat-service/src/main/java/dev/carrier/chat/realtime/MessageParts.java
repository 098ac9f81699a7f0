package dev.carrier.chat.realtime;

/**
 * Joins the parts of one incoming text message. Tomcat reads a socket's message into a
 * buffer it allocates up front for every socket, at the size of the largest message it
 * may hand over whole (WsFrameBase). Keeping that buffer small and joining the rare
 * larger message here keeps about 175 KB per socket off the heap (with about 500 of the
 * bench's sockets on one instance, 147 MB of the buffers were live and young collections
 * that promoted them took 40-177 ms). Parts of one socket arrive one after another, never
 * at once.
 */
final class MessageParts {

	/** What {@link #add} made of a part. */
	enum Outcome {

		/** More parts are to come. */
		INCOMPLETE,
		/** The message is whole. */
		WHOLE,
		/** The message outgrew the largest allowed; its parts are dropped. */
		TOO_BIG

	}

	/** The outcome, and the whole message when there is one. */
	record Added(Outcome outcome, String message) {

		static final Added INCOMPLETE = new Added(Outcome.INCOMPLETE, null);

		static final Added TOO_BIG = new Added(Outcome.TOO_BIG, null);

	}

	private final int maxChars;

	/** Only while a message is split over parts. */
	private StringBuilder pending;

	MessageParts(int maxChars) {
		this.maxChars = maxChars;
	}

	Added add(String part, boolean last) {
		int length = (this.pending != null) ? this.pending.length() + part.length() : part.length();
		if (length > this.maxChars) {
			this.pending = null;
			return Added.TOO_BIG;
		}
		if (this.pending == null) {
			if (last) {
				return new Added(Outcome.WHOLE, part);
			}
			this.pending = new StringBuilder(part.length() * 2);
		}
		this.pending.append(part);
		if (!last) {
			return Added.INCOMPLETE;
		}
		String message = this.pending.toString();
		this.pending = null;
		return new Added(Outcome.WHOLE, message);
	}

}
