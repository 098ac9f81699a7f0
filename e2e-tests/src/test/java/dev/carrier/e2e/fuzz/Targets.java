package dev.carrier.e2e.fuzz;

import java.util.UUID;

import dev.carrier.e2e.support.Gen;

/** The chats and ids the fuzzer aims at: its own, and those it must never reach. */
record Targets(Fixture fixture) {

	/**
	 * A chat id the fuzzer must not reach: unknown, someone else's, or junk (URL-safe).
	 */
	Gen<String> foreignOrJunkId() {
		return Gen.oneOf(random -> UUID.randomUUID().toString(),
				Gen.of(fixture.foreign(), "0", "-1", "null", "undefined", "%00", "%2e%2e", "..%2F..%2Finternal%2Fusers",
						"%2e%2e%2f%2e%2e%2finternal%2fsessions%2fcurrent", "%E2%80%AE", "%F0%9F%92%A9", "'%20or%201=1",
						"*", "%C0%AE%C0%AE", "%FF%FE", "%3B", "x;jsessionid=1", "%0d%0aX-Injected:%201", "%252e%252e",
						fixture.foreign().toUpperCase(), fixture.foreign() + "%00", " " + fixture.foreign())
					.map(s -> s.replace(" ", "%20")),
				Gen.integers(300, 3_000).map(n -> "a".repeat(n)));
	}

	Gen<String> ownChat() {
		return Gen.of(fixture.direct(), fixture.group());
	}

}
