package dev.carrier.e2e.fuzz;

import static dev.carrier.e2e.fuzz.JsonValues.quote;
import static dev.carrier.e2e.fuzz.JsonValues.utf8;
import static dev.carrier.e2e.fuzz.Pair.pairs;

import java.util.ArrayList;
import java.util.List;

import dev.carrier.e2e.support.Gen;
import dev.carrier.e2e.support.TestUser;

/**
 * Requests with the wrong shape around a valid call: plain HTTP to the WebSocket
 * endpoint, wrong methods, unknown paths, no valid token, wrong content types.
 */
final class MisdirectedRequests {

	private final Fixture fixture;

	private final BadAuthorization badAuthorization;

	MisdirectedRequests(Fixture fixture) {
		this.fixture = fixture;
		this.badAuthorization = new BadAuthorization(fixture);
	}

	Gen<Hostile> webSocketOverHttp() {
		// A plain request to the WebSocket endpoint, or an upgrade it must refuse.
		return Gen.of(
				new Hostile("ws-http", "GET", "/api/ws", Headers.bearer(fixture.fuzzerToken()), null, false,
						Strictness.STRICT),
				new Hostile("ws-http", "POST", "/api/ws", Headers.json(fixture.fuzzerToken()),
						utf8("{\"type\":\"auth\"}"), false, Strictness.STRICT),
				new Hostile("ws-http", "GET", "/api/ws", List.<String[]>of(new String[] { "Upgrade", "websocket" },
						new String[] { "Connection", "Upgrade" }, new String[] { "Sec-WebSocket-Version", "99" },
						new String[] { "Sec-WebSocket-Key", "not base64" }), null, true, Strictness.STRICT),
				new Hostile("ws-http", "GET", "/api/ws",
						List.<String[]>of(new String[] { "Upgrade", "h2c" }, new String[] { "Connection", "Upgrade" }),
						null, true, Strictness.STRICT));
		// A valid upgrade with a bad token is accepted and then closed with 4401: the
		// WebSocket property covers it.
	}

	Gen<Hostile> wrongMethods() {
		String chat = "/api/chats/" + fixture.direct();
		return Gen
			.of(new String[] { "DELETE", "/api/users/me" }, new String[] { "POST", "/api/users/me" },
					new String[] { "PUT", "/api/chats" }, new String[] { "PATCH", "/api/chats" },
					new String[] { "DELETE", "/api/chats" }, new String[] { "PATCH", chat },
					new String[] { "PUT", chat + "/messages" }, new String[] { "DELETE", chat + "/messages" },
					new String[] { "PUT", chat + "/messages/" + fixture.fuzzerMessageIds().getFirst() },
					new String[] { "PUT", chat + "/read" }, new String[] { "GET", chat + "/read" },
					new String[] { "GET", "/api/auth/login" }, new String[] { "PUT", "/api/auth/signup" },
					new String[] { "DELETE", "/api/users/" + fixture.fuzzer().id() + "/avatar" },
					new String[] { "POST", "/api/users/lookup?q=x" }, new String[] { "TRACE", "/api/users/me" },
					new String[] { "FOO", "/api/chats" }, new String[] { "POST", chat + "/export?format=json" },
					new String[] { "GET", "/api/users/me/password" })
			.map(mt -> new Hostile("wrong-method", mt[0], mt[1], Headers.json(fixture.fuzzerToken()),
					mt[0].equals("GET") || mt[0].equals("TRACE") ? null : utf8("{}"), mt[0].equals("TRACE"),
					Strictness.STRICT));
	}

	Gen<Hostile> unknownPaths() {
		return Gen
			.of("/api", "/api/", "/api/nope", "/api/chats/" + fixture.direct() + "/nope", "/api/users",
					"/api/users/me/nope", "/api/auth", "/api/auth/nope", "/internal/sessions/current",
					"/internal/users/online?ids=" + fixture.fuzzer().id(),
					"/internal/users/lookup?q=" + fixture.peer().username(), "/api/internal/sessions/current",
					"/api/chats/" + fixture.direct() + "/messages/" + fixture.fuzzerMessageIds().getFirst() + "/nope",
					"/api/%2e%2e/internal/sessions/current", "/api/chats%2f" + fixture.foreign())
			.map(path -> new Hostile("unknown-path", "GET", path, Headers.bearer(fixture.fuzzerToken()), null, false,
					Strictness.STRICT));
	}

	Gen<Hostile> badTokens() {
		String chat = "/api/chats/" + fixture.direct();
		// Every authenticated call, with a valid body, but no valid token: 401 and
		// nothing done.
		Gen<String[]> call = Gen.of(new String[] { "GET", "/api/users/me", null },
				new String[] { "PATCH", "/api/users/me", "{\"username\":\"fz_stolen_name\"}" },
				new String[] { "PUT", "/api/users/me/password",
						"{\"currentPassword\":" + quote(TestUser.PASSWORD) + ",\"newPassword\":\"stolen password\"}" },
				new String[] { "PUT", "/api/users/me/avatar", "{\"preset\":\"cat\"}" },
				new String[] { "GET", "/api/users/lookup?q=" + fixture.peer().username(), null },
				new String[] { "POST", "/api/chats", "{\"members\":[" + quote(fixture.third().username()) + "]}" },
				new String[] { "GET", "/api/chats", null }, new String[] { "GET", chat, null },
				new String[] { "POST", chat + "/members",
						"{\"members\":[" + quote(fixture.victim().username()) + "]}" },
				new String[] { "DELETE", "/api/chats/" + fixture.group() + "/members/me", null },
				new String[] { "POST", chat + "/read", "{\"seq\":3}" },
				new String[] { "POST", chat + "/messages", "{\"text\":\"stolen\",\"clientMessageId\":\"x1\"}" },
				new String[] { "GET", chat + "/messages", null },
				new String[] { "DELETE", chat + "/messages/" + fixture.fuzzerMessageIds().getFirst(), null },
				new String[] { "GET", chat + "/export?format=json", null },
				new String[] { "POST", "/api/auth/logout", null });
		return pairs(call, badAuthorization.headers()).map(t -> {
			List<String[]> headers = new ArrayList<>(t.second());
			if (t.first()[2] != null) {
				headers.add(new String[] { "Content-Type", "application/json" });
			}
			return new Hostile("bad-token", t.first()[0], t.first()[1], headers,
					t.first()[2] == null ? null : utf8(t.first()[2]), false, Strictness.STRICT);
		});
	}

	Gen<Hostile> wrongContentTypes() {
		String chat = "/api/chats/" + fixture.direct();
		Gen<String[]> call = Gen.of(
				new String[] { "POST", chat + "/messages", "{\"text\":\"wrong type\",\"clientMessageId\":\"ct-1\"}" },
				new String[] { "POST", chat + "/read", "{\"seq\":3}" },
				new String[] { "PATCH", "/api/users/me", "{\"username\":\"fz_ct_name\"}" },
				new String[] { "POST", "/api/chats", "{\"members\":[" + quote(fixture.third().username()) + "]}" },
				new String[] { "POST", "/api/auth/signup",
						"{\"username\":\"fz_ct_user\",\"email\":\"fz_ct@example.test\",\"password\":\"long enough\"}" },
				new String[] { "PUT", "/api/users/me/password",
						"{\"currentPassword\":\"x\",\"newPassword\":\"stolen password\"}" },
				new String[] { "POST", "/api/chats/" + fixture.group() + "/members",
						"{\"members\":[" + quote(fixture.victim().username()) + "]}" });
		Gen<String> type = Gen.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
				"multipart/form-data; boundary=x", "application/json;charset=no-such-charset",
				"application/octet-stream", "text/html", "*/*", "application", "");
		return pairs(call, type).map(t -> {
			List<String[]> headers = Headers.bearer(fixture.fuzzerToken());
			if (!t.second().isEmpty()) {
				headers.add(new String[] { "Content-Type", t.second() });
			}
			boolean noType = t.second().isEmpty() || t.second().equals("application") || t.second().equals("*/*");
			return new Hostile("content-type", t.first()[0], t.first()[1], headers, utf8(t.first()[2]), noType,
					Strictness.STRICT);
		});
	}

}
