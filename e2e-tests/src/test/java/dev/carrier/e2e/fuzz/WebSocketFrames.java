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
				entry(1, Gen.integers(70_000, 1_100_000).map(n -> "{\"type\":\"" + "t".repeat(n) + "\"}")),
				entry(3, hostileText()));
		return Gen.listOf(frame, 25, 25);
	}

}
