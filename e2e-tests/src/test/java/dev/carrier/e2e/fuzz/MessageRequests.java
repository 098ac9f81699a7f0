package dev.carrier.e2e.fuzz;

import static dev.carrier.e2e.fuzz.Field.objectWithAFault;
import static dev.carrier.e2e.fuzz.JsonValues.huge;
import static dev.carrier.e2e.fuzz.JsonValues.notANumber;
import static dev.carrier.e2e.fuzz.JsonValues.notAString;
import static dev.carrier.e2e.fuzz.JsonValues.quote;
import static dev.carrier.e2e.fuzz.JsonValues.structuralJunk;
import static dev.carrier.e2e.fuzz.Pair.pairs;

import java.util.UUID;

import dev.carrier.e2e.support.Gen;

/**
 * Hostile calls to the message endpoints of docs/api.md: mark read, send, history, edit,
 * delete, export.
 */
final class MessageRequests {

	private final Fixture fixture;

	private final Targets targets;

	MessageRequests(Fixture fixture) {
		this.fixture = fixture;
		this.targets = new Targets(fixture);
	}

	Gen<Hostile> markRead() {
		Gen<Hostile> own = pairs(targets.ownChat(),
				Gen.oneOf(notANumber().map(v -> "{\"seq\":" + v + "}"),
						Gen.of("{\"seq\":null}", "{}", "{\"seq\":-1,\"seq\":\"x\"}"), structuralJunk()))
			.map(t -> Hostile.jsonCall("mark-read", "POST", "/api/chats/" + t.first() + "/read", fixture.fuzzerToken(),
					t.second()));
		Gen<Hostile> foreign = targets.foreignOrJunkId()
			.map(id -> Hostile.jsonCall("mark-read", "POST", "/api/chats/" + id + "/read", fixture.fuzzerToken(),
					"{\"seq\":1}"));
		return Gen.oneOf(own, foreign);
	}

	Gen<Hostile> sendMessage() {
		Gen<String> invalidText = Gen
			.oneOf(Gen.of("", " ", "   \n\t  ", "x".repeat(4001), " ".repeat(10) + "y".repeat(4001))
				.map(JsonValues::quote), huge().map(JsonValues::quote), notAString(), Gen.just("null"));
		Gen<String> invalidClientId = Gen.oneOf(Gen.of("\"\"", "null"), notAString());
		Gen<Hostile> own = pairs(targets.ownChat(),
				Gen.oneOf(objectWithAFault(
						new Field("text", Gen.just(quote("fuzz should never land")), invalidText, true),
						new Field("clientMessageId", random -> quote(UUID.randomUUID().toString()), invalidClientId,
								true)),
						structuralJunk()))
			.map(t -> Hostile.jsonCall("send-message", "POST", "/api/chats/" + t.first() + "/messages",
					fixture.fuzzerToken(), t.second()));
		Gen<Hostile> foreign = targets.foreignOrJunkId()
			.map(id -> Hostile.jsonCall("send-message", "POST", "/api/chats/" + id + "/messages", fixture.fuzzerToken(),
					"{\"text\":\"fuzz should never land\",\"clientMessageId\":" + quote(UUID.randomUUID().toString())
							+ "}"));
		return Gen.oneOf(own, own, foreign);
	}

	Gen<Hostile> history() {
		// Not "", " 1" or "0x10": Spring binds those to null, 1 and 16, which are valid.
		Gen<String> badNumber = Gen.of("-1", "-100", "abc", "1.5", "99999999999999999999", "1e3", "%00", "NaN",
				"1%3BDROP", "-9223372036854775809", "9223372036854775808", "%E2%80%AE", "[1]", "1,2");
		Gen<String> query = Gen.oneOf(badNumber.map(n -> "beforeSeq=" + n), badNumber.map(n -> "afterSeq=" + n),
				Gen.of("-1", "-50", "201", "100000", "abc", "1.5", "99999999999999999999").map(n -> "limit=" + n),
				pairs(badNumber, badNumber).map(t -> "beforeSeq=" + t.first() + "&limit=" + t.second()));
		Gen<Hostile> own = pairs(targets.ownChat(), query)
			.map(t -> new Hostile("history", "GET", "/api/chats/" + t.first() + "/messages?" + t.second(),
					Headers.bearer(fixture.fuzzerToken()), null, false, Strictness.STRICT));
		Gen<Hostile> foreign = targets.foreignOrJunkId()
			.map(id -> new Hostile("history", "GET", "/api/chats/" + id + "/messages?limit=50",
					Headers.bearer(fixture.fuzzerToken()), null, false, Strictness.STRICT));
		return Gen.oneOf(own, own, foreign);
	}

	Gen<Hostile> deleteMessage() {
		Gen<Hostile> notMine = Gen.of(fixture.peerMessageIds())
			.flatMap(id -> targets.ownChat()
				.map(chat -> new Hostile("delete-message", "DELETE", "/api/chats/" + chat + "/messages/" + id,
						Headers.bearer(fixture.fuzzerToken()), null, false, Strictness.STRICT)));
		Gen<Hostile> junk = pairs(targets.ownChat(), targets.foreignOrJunkId())
			.map(t -> new Hostile("delete-message", "DELETE", "/api/chats/" + t.first() + "/messages/" + t.second(),
					Headers.bearer(fixture.fuzzerToken()), null, false, Strictness.STRICT));
		Gen<Hostile> foreign = Gen.of(fixture.foreignMessageIds())
			.map(id -> new Hostile("delete-message", "DELETE", "/api/chats/" + fixture.foreign() + "/messages/" + id,
					Headers.bearer(fixture.fuzzerToken()), null, false, Strictness.STRICT));
		Gen<Hostile> mineInTheWrongChat = Gen.of(fixture.fuzzerMessageIds())
			.map(id -> new Hostile("delete-message", "DELETE", "/api/chats/" + fixture.foreign() + "/messages/" + id,
					Headers.bearer(fixture.fuzzerToken()), null, false, Strictness.STRICT));
		return Gen.oneOf(notMine, junk, foreign, mineInTheWrongChat);
	}

	Gen<Hostile> editMessage() {
		Gen<String> invalidText = Gen.oneOf(Gen.of("", " ", "   \n\t  ", "x".repeat(4001)).map(JsonValues::quote),
				huge().map(JsonValues::quote), notAString(), Gen.just("null"));
		String landing = "{\"text\":\"fuzz should never land\"}";
		Gen<Hostile> badBody = pairs(Gen.of(fixture.fuzzerMessageIds()),
				Gen.oneOf(invalidText.map(text -> "{\"text\":" + text + "}"), structuralJunk()))
			.map(t -> Hostile.jsonCall("edit-message", "PATCH",
					"/api/chats/" + fixture.direct() + "/messages/" + t.first(), fixture.fuzzerToken(), t.second()));
		Gen<Hostile> notMine = Gen.of(fixture.peerMessageIds())
			.flatMap(id -> targets.ownChat()
				.map(chat -> Hostile.jsonCall("edit-message", "PATCH", "/api/chats/" + chat + "/messages/" + id,
						fixture.fuzzerToken(), landing)));
		Gen<Hostile> foreign = Gen.of(fixture.foreignMessageIds())
			.map(id -> Hostile.jsonCall("edit-message", "PATCH", "/api/chats/" + fixture.foreign() + "/messages/" + id,
					fixture.fuzzerToken(), landing));
		Gen<Hostile> junk = pairs(targets.ownChat(), targets.foreignOrJunkId())
			.map(t -> Hostile.jsonCall("edit-message", "PATCH", "/api/chats/" + t.first() + "/messages/" + t.second(),
					fixture.fuzzerToken(), landing));
		return Gen.oneOf(badBody, notMine, foreign, junk);
	}

	Gen<Hostile> export() {
		Gen<Hostile> own = pairs(targets.ownChat(),
				Gen.of("format=xml", "format=pdf", "format=json%00", "format=..%2F..%2Fetc%2Fpasswd",
						"format=" + "j".repeat(3000), "format=csv", "format=txt%0d%0aX-Injected:1"))
			.map(t -> new Hostile("export", "GET", "/api/chats/" + t.first() + "/export?" + t.second(),
					Headers.bearer(fixture.fuzzerToken()), null, false, Strictness.STRICT));
		Gen<Hostile> foreign = targets.foreignOrJunkId()
			.map(id -> new Hostile("export", "GET", "/api/chats/" + id + "/export?format=json",
					Headers.bearer(fixture.fuzzerToken()), null, false, Strictness.STRICT));
		return Gen.oneOf(own, foreign);
	}

	Gen<Hostile> react() {
		Gen<Hostile> badEmoji = pairs(Gen.of(fixture.fuzzerMessageIds()),
				Gen.of("x", "abc", "1", "%20", "%00", "%F0%9F%91%8D%F0%9F%91%8D", "%F0%9F%91%8D%20", "%E2%80%8D",
						"%EF%B8%8F", "a".repeat(200), "%F0%9F%91%8D".repeat(20), "%3Cscript%3E", "%C0%AE"))
			.map(t -> new Hostile("react", "PUT",
					"/api/chats/" + fixture.direct() + "/messages/" + t.first() + "/reactions/" + t.second(),
					Headers.bearer(fixture.fuzzerToken()), null, false, Strictness.STRICT));
		Gen<Hostile> foreign = pairs(Gen.of(fixture.foreignMessageIds()), Gen.of("PUT", "DELETE"))
			.map(t -> new Hostile("react", t.second(),
					"/api/chats/" + fixture.foreign() + "/messages/" + t.first() + "/reactions/%F0%9F%91%8D",
					Headers.bearer(fixture.fuzzerToken()), null, false, Strictness.STRICT));
		Gen<Hostile> junk = pairs(targets.ownChat(), targets.foreignOrJunkId()).map(t -> new Hostile("react", "PUT",
				"/api/chats/" + t.first() + "/messages/" + t.second() + "/reactions/%F0%9F%91%8D",
				Headers.bearer(fixture.fuzzerToken()), null, false, Strictness.STRICT));
		return Gen.oneOf(badEmoji, foreign, junk);
	}

	Gen<Hostile> search() {
		Gen<String> badQuery = Gen.oneOf(
				Gen.of("q=", "q=%20%20", "", "q=" + "x".repeat(201), "q=ok&limit=0", "q=ok&limit=51", "q=ok&limit=many",
						"q=ok&order=random", "q=ok&before=forged", "q=ok&before=%00", "q=ok&before=" + "A".repeat(300)),
				targets.foreignOrJunkId().map(id -> "q=ghost&chatId=" + id));
		return badQuery.map(query -> new Hostile("search", "GET", "/api/search?" + query,
				Headers.bearer(fixture.fuzzerToken()), null, false, Strictness.STRICT));
	}

}
