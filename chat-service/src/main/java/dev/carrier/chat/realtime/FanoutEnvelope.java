package dev.carrier.chat.realtime;

import java.util.Arrays;
import java.util.List;

/**
 * One event on the {@code carrier:chat:events} channel, as text: {@code hint} or
 * {@code event}, the recipients' ids comma-separated, and the frame their sockets get,
 * one per line. The frame is serialized once, by the instance that publishes; every
 * instance splits the lines and writes the frame as it is, with no JSON to parse or write
 * again per instance (issue 17). Ids and the two words hold no line break; the frame is
 * one JSON document, whose line breaks, if any, stay inside it.
 */
record FanoutEnvelope(boolean hint, List<String> recipients, String frame) {

	private static final String HINT = "hint";

	private static final String EVENT = "event";

	String encode() {
		return (this.hint ? HINT : EVENT) + "\n" + String.join(",", this.recipients) + "\n" + this.frame;
	}

	static FanoutEnvelope decode(String text) {
		int first = text.indexOf('\n');
		int second = (first < 0) ? -1 : text.indexOf('\n', first + 1);
		if (second < 0) {
			throw new IllegalArgumentException("not a fan-out envelope");
		}
		String kind = text.substring(0, first);
		if (!HINT.equals(kind) && !EVENT.equals(kind)) {
			throw new IllegalArgumentException("not a fan-out envelope: " + kind);
		}
		String ids = text.substring(first + 1, second);
		List<String> recipients = ids.isEmpty() ? List.of() : Arrays.asList(ids.split(","));
		return new FanoutEnvelope(HINT.equals(kind), recipients, text.substring(second + 1));
	}

}
