package dev.carrier.e2e.fuzz;

import static dev.carrier.e2e.fuzz.JsonValues.deep;
import static dev.carrier.e2e.fuzz.JsonValues.hostileText;
import static java.util.Map.entry;

import java.util.List;
import java.util.UUID;

import dev.carrier.e2e.support.Gen;

/**
 * Junk WebSocket frames: malformed, oversize, spoofed events and typing in a foreign
 * chat.
 */
final class WebSocketFrames {

	private final Fixture fixture;

	WebSocketFrames(Fixture fixture) {
		this.fixture = fixture;
	}

	Gen<List<String>> frames() {
		String foreign = fixture.foreign();
		Gen<String> frame = Gen.frequencyOf(
				entry(10, Gen.of("", "not json", "{", "[]", "null", "42", "\"typing\"", "{\"type\":null}",
						"{\"type\":42}", "{\"type\":\"unknown\"}",
						"{\"type\":\"TYPING\",\"chatId\":\"" + foreign + "\"}", "{\"type\":\"typing\"}",
						"{\"type\":\"typing\",\"chatId\":null}", "{\"type\":\"typing\",\"chatId\":42}",
						"{\"type\":\"typing\",\"chatId\":[\"" + foreign + "\"]}",
						"{\"type\":\"typing\",\"chatId\":\"" + foreign + "\"}",
						"{\"type\":\"typing\",\"chatId\":\"" + foreign + "\",\"type\":\"typing\"}",
						"{\"type\":\"typing\",\"chatId\":\"" + UUID.randomUUID() + "\"}",
						"{\"type\":\"typing\",\"chatId\":\"../" + foreign + "\"}",
						"{\"type\":\"typing\",\"chatId\":\"" + foreign + "\",\"userId\":\""
								+ fixture.victimFriend().id() + "\"}",
						"{\"type\":\"auth\",\"token\":\"nope\"}", "{\"type\":\"auth\",\"token\":42}",
						"{\"type\":\"message.created\",\"message\":{\"chatId\":\"" + foreign
								+ "\",\"text\":\"spoof\"}}",
						"{\"type\":\"read\",\"chatId\":\"" + foreign + "\",\"seq\":99}", "\u0000\u0001", "\uFEFF{}",
						deep(50_000, "[", "]"), "{\"type\":\"typing\",\"chatId\":\"" + "x".repeat(100_000) + "\"}")),
				entry(6, hostileSends()),
				entry(1, Gen.integers(70_000, 1_100_000).map(n -> "{\"type\":\"" + "t".repeat(n) + "\"}")),
				entry(3, hostileText()));
		return Gen.listOf(frame, 25, 25);
	}

	/**
	 * Sends over the socket that must all be refused: into a foreign chat (however its id
	 * is spelt), with fields of the wrong type or size, replies to and attachments of
	 * other chats. None may change anything, and each must be answered with a 4xx
	 * problem.
	 */
	private Gen<String> hostileSends() {
		String foreign = fixture.foreign();
		String own = fixture.direct();
		String foreignMessage = fixture.foreignMessageIds().get(0);
		return Gen.oneOf(
				Gen.of(send("\"" + foreign + "\"", "\"spoof\""),
						send("\"" + foreign.toUpperCase(java.util.Locale.ROOT) + "\"", "\"spoof\""),
						send("\" " + foreign + "\"", "\"spoof\""), send("\"../" + foreign + "\"", "\"spoof\""),
						send("[\"" + foreign + "\"]", "\"spoof\""), send("null", "\"spoof\""), send("42", "\"spoof\""),
						send("\"" + UUID.randomUUID() + "\"", "\"spoof\""), send("\"" + own + "\"", "\"   \""),
						send("\"" + own + "\"", "{\"text\":\"nested\"}"), send("\"" + own + "\"", "[\"a\"]"),
						send("\"" + own + "\"", "\"" + "x".repeat(4001) + "\""),
						"{\"type\":\"send\",\"chatId\":\"" + own + "\",\"text\":\"no id\"}",
						"{\"type\":\"send\",\"chatId\":\"" + own + "\",\"text\":\"hi\",\"clientMessageId\":[]}",
						"{\"type\":\"send\",\"chatId\":\"" + own + "\",\"text\":\"hi\",\"clientMessageId\":\""
								+ UUID.randomUUID() + "\",\"replyTo\":\"" + foreignMessage + "\"}",
						"{\"type\":\"send\",\"chatId\":\"" + own + "\",\"text\":\"hi\",\"clientMessageId\":\""
								+ UUID.randomUUID() + "\",\"attachmentIds\":[\"" + UUID.randomUUID() + "\"]}",
						"{\"type\":\"send\"}", "{\"type\":\"send\",\"chatId\":{}}"),
				hostileText().map(text -> send("\"" + foreign + "\"", JsonValues.quote(text))));
	}

	private static String send(String chatId, String text) {
		return "{\"type\":\"send\",\"chatId\":" + chatId + ",\"clientMessageId\":\"" + UUID.randomUUID()
				+ "\",\"text\":" + text + "}";
	}

}
