package dev.carrier.e2e.fuzz;

import static dev.carrier.e2e.fuzz.Field.objectWithAFault;
import static dev.carrier.e2e.fuzz.JsonValues.hostileText;
import static dev.carrier.e2e.fuzz.JsonValues.huge;
import static dev.carrier.e2e.fuzz.JsonValues.notAString;
import static dev.carrier.e2e.fuzz.JsonValues.quote;
import static dev.carrier.e2e.fuzz.JsonValues.structuralJunk;
import static dev.carrier.e2e.fuzz.Pair.pairs;

import java.util.stream.Collectors;

import dev.carrier.e2e.support.Gen;

/**
 * Hostile calls to the chat endpoints of docs/api.md: create, list, read, add members,
 * leave.
 */
final class ChatRequests {

	private final Fixture fixture;

	private final Targets targets;

	private final BadAuthorization badAuthorization;

	ChatRequests(Fixture fixture) {
		this.fixture = fixture;
		this.targets = new Targets(fixture);
		this.badAuthorization = new BadAuthorization(fixture);
	}

	static Gen<String> unknownNames() {
		return Gen.listOf(Gen.strings('a', 'z', 12, 12).map(s -> "nobody_" + s), 1, 3)
			.map(names -> names.stream().map(JsonValues::quote).collect(Collectors.joining(",", "[", "]")));
	}

	static Gen<String> invalidMembers() {
		return Gen.oneOf(
				Gen.of("[]", "\"" + "bob" + "\"", "[[]]", "[{}]", "[null]", "[123]", "[true]", "{}", "[\"\"]",
						"[" + "\"nobody_x\",".repeat(60) + "\"nobody_y\"]"),
				unknownNames(), notAString().filter(v -> !v.startsWith("[\"")), Gen.just("null"),
				huge().map(h -> "[" + quote(h) + "]"), hostileText().map(t -> "[" + quote(t) + "]"));
	}

	Gen<Hostile> createChat() {
		Gen<String> body = Gen.oneOf(
				objectWithAFault(new Field("members", Gen.just("[" + quote(fixture.third().username()) + "]"),
						invalidMembers(), true)),
				// A name of the wrong type or hostile content, always with members that
				// cannot exist.
				pairs(invalidMembers(),
						Gen.oneOf(notAString(), hostileText().map(JsonValues::quote), huge().map(JsonValues::quote)))
					.map(t -> "{\"members\":" + t.first() + ",\"name\":" + t.second() + "}"),
				structuralJunk());
		return body.map(b -> Hostile.jsonCall("create-chat", "POST", "/api/chats", fixture.fuzzerToken(), b));
	}

	Gen<Hostile> listChats() {
		return badAuthorization.headers()
			.map(h -> new Hostile("list-chats", "GET", "/api/chats", h, null, false, Strictness.STRICT));
	}

	Gen<Hostile> readChat() {
		return targets.foreignOrJunkId()
			.map(id -> new Hostile("read-chat", "GET", "/api/chats/" + id, Headers.bearer(fixture.fuzzerToken()), null,
					false, Strictness.STRICT));
	}

	Gen<Hostile> addMembers() {
		Gen<Hostile> own = pairs(targets.ownChat(),
				Gen.oneOf(objectWithAFault(new Field("members", Gen.just("[]"), invalidMembers(), true)),
						structuralJunk()))
			.map(t -> Hostile.jsonCall("add-members", "POST", "/api/chats/" + t.first() + "/members",
					fixture.fuzzerToken(), t.second()));
		Gen<Hostile> foreign = targets.foreignOrJunkId()
			.map(id -> Hostile.jsonCall("add-members", "POST", "/api/chats/" + id + "/members", fixture.fuzzerToken(),
					"{\"members\":[" + quote(fixture.fuzzer().username()) + "]}"));
		return Gen.oneOf(own, foreign);
	}

	Gen<Hostile> leaveChat() {
		return targets.foreignOrJunkId()
			.map(id -> new Hostile("leave-chat", "DELETE", "/api/chats/" + id + "/members/me",
					Headers.bearer(fixture.fuzzerToken()), null, false, Strictness.STRICT));
	}

	Gen<Hostile> hideChat() {
		Gen<Hostile> group = Gen.just(Hostile.jsonCall("hide-chat", "PUT", "/api/chats/" + fixture.group() + "/hidden",
				fixture.fuzzerToken(), "{\"hidden\":true}"));
		Gen<Hostile> badBody = Gen
			.oneOf(Gen.of("{}", "{\"hidden\":null}", "{\"hidden\":\"yes\"}", "{\"hidden\":1}", "[true]"),
					structuralJunk())
			.map(body -> Hostile.jsonCall("hide-chat", "PUT", "/api/chats/" + fixture.direct() + "/hidden",
					fixture.fuzzerToken(), body));
		Gen<Hostile> foreign = new Targets(fixture).foreignOrJunkId()
			.map(id -> Hostile.jsonCall("hide-chat", "PUT", "/api/chats/" + id + "/hidden", fixture.fuzzerToken(),
					"{\"hidden\":true}"));
		return Gen.oneOf(group, badBody, foreign);
	}

}
