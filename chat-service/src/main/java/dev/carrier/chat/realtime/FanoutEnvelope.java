package dev.carrier.chat.realtime;

import java.nio.charset.StandardCharsets;
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

	/**
	 * Reads an envelope as it came off the channel. Its frame stays the UTF-8 bytes it
	 * arrived as, which is what a socket gets: the body is not decoded whole, cut, and
	 * encoded back (a line break is one byte in UTF-8 and never part of another
	 * character, so the lines can be found in the bytes).
	 */
	static Received decode(byte[] body) {
		int first = lineEnd(body, 0);
		int second = (first < 0) ? -1 : lineEnd(body, first + 1);
		if (second < 0) {
			throw new IllegalArgumentException("not a fan-out envelope");
		}
		String kind = new String(body, 0, first, StandardCharsets.UTF_8);
		if (!HINT.equals(kind) && !EVENT.equals(kind)) {
			throw new IllegalArgumentException("not a fan-out envelope: " + kind);
		}
		String ids = new String(body, first + 1, second - first - 1, StandardCharsets.UTF_8);
		List<String> recipients = ids.isEmpty() ? List.of() : Arrays.asList(ids.split(","));
		return new Received(HINT.equals(kind), recipients, Arrays.copyOfRange(body, second + 1, body.length));
	}

	private static int lineEnd(byte[] body, int from) {
		for (int i = from; i < body.length; i++) {
			if (body[i] == '\n') {
				return i;
			}
		}
		return -1;
	}

	/**
	 * An envelope as an instance receives it: the frame is its UTF-8 bytes, made into one
	 * {@link org.springframework.web.socket.TextMessage} for all local recipients.
	 */
	record Received(boolean hint, List<String> recipients, byte[] frame) {

	}

}
