package dev.carrier.e2e.fuzz;

import static dev.carrier.e2e.fuzz.JsonValues.utf8;

import java.util.List;

import dev.carrier.e2e.support.Gen;

/**
 * Requests only a raw socket can send: path traversal, invalid URIs, broken header
 * syntax, oversize headers and request smuggling.
 */
final class RawRequests {

	private final Fixture fixture;

	RawRequests(Fixture fixture) {
		this.fixture = fixture;
	}

	Gen<Hostile> rawRequests() {
		String token = fixture.fuzzerToken();
		String chat = "/api/chats/" + fixture.direct();
		List<String[]> bearer = Headers.bearer(token);
		// raw-uri: not a URI at all (RFC 3986); WebFlux refuses those before any
		// application code runs.
		List<Hostile> cases = List.of(
				new Hostile("raw-path", "GET", "/api/chats/../../internal/users/online?ids=" + fixture.fuzzer().id(),
						bearer, null, true, Strictness.STRICT),
				new Hostile("raw-path", "GET", "/api/users/../../internal/sessions/current", bearer, null, true,
						Strictness.STRICT),
				new Hostile("raw-path", "GET",
						"/api/chats/" + fixture.foreign() + "/../" + fixture.foreign() + "/messages", bearer, null,
						true, Strictness.STRICT),
				new Hostile("raw-uri", "GET", "/api/chats/%ZZ", bearer, null, true, Strictness.PROTOCOL),
				new Hostile("raw-uri", "GET", "/api/chats/%", bearer, null, true, Strictness.PROTOCOL),
				new Hostile("raw-uri", "GET", "/api/users/lookup?q=%ZZ", bearer, null, true, Strictness.PROTOCOL),
				new Hostile("raw-uri", "GET", chat + "/messages?limit=%G0", bearer, null, true, Strictness.PROTOCOL),
				new Hostile("raw-uri", "GET", "/api/chats/\u00e9\u00e8", bearer, null, true, Strictness.PROTOCOL),
				new Hostile("raw-uri", "GET", "/api/chats/{chatId}", bearer, null, true, Strictness.PROTOCOL),
				new Hostile("raw-uri", "GET", "/api/chats/<script>", bearer, null, true, Strictness.PROTOCOL),
				new Hostile("raw-path", "GET",
						"http://127.0.0.1:8081/internal/users/online?ids=" + fixture.fuzzer().id(), bearer, null, true,
						Strictness.STRICT),
				new Hostile("raw-path", "GET", "//evil.example/api/users/me", bearer, null, true, Strictness.STRICT),
				new Hostile("raw-protocol", "GET", "/api/chats/a b", bearer, null, true, Strictness.PROTOCOL),
				new Hostile("raw-protocol", "GET", "/api/users/me",
						List.<String[]>of(new String[] { "Authorization", "Bearer " + token + "\u0001" }), null, true,
						Strictness.PROTOCOL),
				new Hostile("raw-protocol", "GET", "/api/users/me",
						List.<String[]>of(new String[] { "Authorization", "Bearer " + token },
								new String[] { "X-Junk", "a".repeat(70_000) }),
						null, true, Strictness.PROTOCOL),
				new Hostile("raw-protocol", "GET", "/api/users/lookup?q=" + "z".repeat(20_000), bearer, null, true,
						Strictness.PROTOCOL),
				new Hostile("raw-protocol", "GET", "/api/users/me",
						List.<String[]>of(new String[] { "Authorization", "Bearer nope\r\n continued" }), null, true,
						Strictness.PROTOCOL),
				new Hostile("raw-protocol", "GET", "/api/users/me",
						List.<String[]>of(new String[] { "Bad Header", "x" },
								new String[] { "Authorization", "Bearer nope" }),
						null, true, Strictness.PROTOCOL),
				// Smuggling: both lengths, and a chunked body that lies; the body itself
				// is invalid anyway.
				new Hostile("raw-protocol", "POST", chat + "/messages",
						List.<String[]>of(new String[] { "Authorization", "Bearer " + token },
								new String[] { "Content-Type", "application/json" },
								new String[] { "Content-Length", "4" },
								new String[] { "Transfer-Encoding", "chunked" }),
						utf8("2\r\n{}\r\n0\r\n\r\nGET /api/users/me HTTP/1.1\r\nHost: x\r\n\r\n"), true,
						Strictness.PROTOCOL),
				new Hostile("raw-protocol", "POST", chat + "/messages",
						List.<String[]>of(new String[] { "Authorization", "Bearer " + token },
								new String[] { "Content-Type", "application/json" },
								new String[] { "Transfer-Encoding", "chunked" }),
						utf8("zz\r\n{}\r\n0\r\n\r\n"), true, Strictness.PROTOCOL),
				new Hostile("raw-protocol", "POST", chat + "/messages",
						List.<String[]>of(new String[] { "Authorization", "Bearer " + token },
								new String[] { "Content-Type", "application/json" },
								new String[] { "Content-Length", "100" }),
						utf8("{\"text\":"), true, Strictness.PROTOCOL),
				new Hostile("raw-protocol", "POST", chat + "/messages",
						List.<String[]>of(new String[] { "Authorization", "Bearer " + token },
								new String[] { "Content-Type", "application/json" },
								new String[] { "Content-Length", "-1" }),
						utf8("{}"), true, Strictness.PROTOCOL));
		return Gen.of(cases);
	}

}
