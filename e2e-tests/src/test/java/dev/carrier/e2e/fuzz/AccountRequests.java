package dev.carrier.e2e.fuzz;

import static dev.carrier.e2e.fuzz.Field.objectWithAFault;
import static dev.carrier.e2e.fuzz.JsonValues.hostileText;
import static dev.carrier.e2e.fuzz.JsonValues.huge;
import static dev.carrier.e2e.fuzz.JsonValues.invalidEmail;
import static dev.carrier.e2e.fuzz.JsonValues.invalidPassword;
import static dev.carrier.e2e.fuzz.JsonValues.invalidUsername;
import static dev.carrier.e2e.fuzz.JsonValues.notAString;
import static dev.carrier.e2e.fuzz.JsonValues.quote;
import static dev.carrier.e2e.fuzz.JsonValues.structuralJunk;
import static dev.carrier.e2e.fuzz.JsonValues.validUsername;
import static java.util.Map.entry;

import java.util.UUID;

import dev.carrier.e2e.support.Gen;
import dev.carrier.e2e.support.TestUser;

/**
 * Hostile calls to the account endpoints of docs/api.md: sign-up, login, logout, profile,
 * password, lookup.
 */
final class AccountRequests {

	private final Fixture fixture;

	private final BadAuthorization badAuthorization;

	AccountRequests(Fixture fixture) {
		this.fixture = fixture;
		this.badAuthorization = new BadAuthorization(fixture);
	}

	Gen<Hostile> signup() {
		Gen<String> body = Gen.oneOf(
				objectWithAFault(new Field("username", validUsername().map(JsonValues::quote), invalidUsername(), true),
						new Field("email", validUsername().map(u -> quote(u + "@example.test")), invalidEmail(), true),
						new Field("password", Gen.just(quote("long enough password")), invalidPassword(), true)),
				structuralJunk(),
				// Taken names and addresses, in any case.
				Gen.of(fixture.peer().username().toUpperCase(), fixture.victim().username())
					.map(u -> "{\"username\":" + quote(u) + ",\"email\":" + quote(UUID.randomUUID() + "@example.test")
							+ ",\"password\":\"long enough password\"}"));
		return body.map(b -> Hostile.jsonCall("signup", "POST", "/api/auth/signup", null, b));
	}

	Gen<Hostile> login() {
		Gen<String> body = Gen.frequencyOf(
				entry(12, objectWithAFault(
						new Field("login", Gen.just(quote(fixture.peer().username())),
								Gen.oneOf(notAString(), Gen.just("null"), huge().map(JsonValues::quote)), true),
						new Field("password", Gen.just(quote("not the password")),
								Gen.oneOf(notAString(), Gen.just("null"), huge().map(JsonValues::quote)), true))),
				entry(6, structuralJunk()),
				// Well formed but wrong: each costs a password hash, so they are rare.
				entry(1, hostileText().map(t -> "{\"login\":" + quote(t) + ",\"password\":\"wrong password\"}")),
				entry(1, Gen
					.just("{\"login\":" + quote(fixture.fuzzer().username()) + ",\"password\":\"wrong password\"}")));
		return body.map(b -> Hostile.jsonCall("login", "POST", "/api/auth/login", null, b));
	}

	Gen<Hostile> logout() {
		return badAuthorization.headers()
			.map(h -> new Hostile("logout", "POST", "/api/auth/logout", h, null, false, Strictness.STRICT));
	}

	Gen<Hostile> readMe() {
		return badAuthorization.headers()
			.map(h -> new Hostile("me", "GET", "/api/users/me", h, null, false, Strictness.STRICT));
	}

	Gen<Hostile> patchMe() {
		// null is left out: for an optional field of a PATCH it means "not given", a
		// valid no-op.
		Gen<String> body = Gen.oneOf(
				objectWithAFault(
						new Field("username", Gen.just(quote(fixture.fuzzer().username())),
								invalidUsername().filter(v -> !v.equals("null")), false),
						new Field("email", Gen.just(quote(fixture.fuzzer().email())),
								invalidEmail().filter(v -> !v.equals("null")), false)),
				// An object with none of the fields is a valid empty patch, so only
				// non-objects here.
				structuralJunk().filter(b -> !b.contains("{")),
				// Someone else's name or address.
				Gen.of("{\"username\":" + quote(fixture.peer().username()) + "}",
						"{\"username\":" + quote(fixture.victim().username().toUpperCase()) + "}",
						"{\"email\":" + quote(fixture.peer().email().toUpperCase()) + "}"));
		return body.map(b -> Hostile.jsonCall("patch-me", "PATCH", "/api/users/me", fixture.fuzzerToken(), b));
	}

	Gen<Hostile> changePassword() {
		Gen<String> body = Gen.frequencyOf(
				entry(8, objectWithAFault(
						new Field("currentPassword", Gen.just(quote(TestUser.PASSWORD)),
								Gen.oneOf(notAString(), Gen.just("null"), huge().map(JsonValues::quote)), true),
						new Field("newPassword", Gen.just(quote("another good password")), invalidPassword(), true))),
				entry(4, structuralJunk()), entry(1, Gen
					.just("{\"currentPassword\":\"wrong password\",\"newPassword\":\"another good password\"}")));
		return body.map(b -> Hostile.jsonCall("password", "PUT", "/api/users/me/password", fixture.fuzzerToken(), b));
	}

	Gen<Hostile> lookup() {
		Gen<String> query = Gen.oneOf(Gen.of("", "q=", "q", "q=%25", "q=_", "q=*", "q=%00", "q=%2e%2e%2f", "q=a&q=b",
				"q=" + fixture.peer().username().substring(0, 4) + "%25", "q=%20" + fixture.peer().username() + "%20x",
				"q=%E2%80%AE", "q=%0d%0a", "Q=" + fixture.peer().username()),
				Gen.strings('a', 'z', 20, 20).map(s -> "q=nobody_" + s),
				Gen.integers(1_000, 3_500).map(n -> "q=" + "y".repeat(n)));
		return query.map(qs -> new Hostile("lookup", "GET", "/api/users/lookup?" + qs,
				Headers.bearer(fixture.fuzzerToken()), null, false, Strictness.STRICT));
	}

	/**
	 * Presence: a list of ids that is missing, empty, malformed or too long, and a
	 * setting that is not one boolean. Valid calls would change the fuzzer's setting.
	 */
	Gen<Hostile> presence() {
		String id = fixture.peer().id();
		Gen<String> query = Gen.oneOf(
				Gen.of("", "?ids=", "?ids=,", "?ids=" + id + ",", "?ids=," + id, "?ids=%00", "?ids=" + id + "%20",
						"?ids=%2e%2e%2f", "?IDS=" + id, "?ids=" + (id + ",").repeat(101) + id),
				Gen.strings('a', 'z', 1, 36).map(s -> "?ids=" + s));
		Gen<Hostile> list = query.map(qs -> new Hostile("presence", "GET", "/api/users/presence" + qs,
				Headers.bearer(fixture.fuzzerToken()), null, false, Strictness.STRICT));
		Gen<String> body = Gen.oneOf(
				Gen.of("{}", "{\"visible\":null}", "{\"visible\":\"false\"}", "{\"visible\":0}", "[false]", "false"),
				structuralJunk());
		Gen<Hostile> setting = body
			.map(b -> Hostile.jsonCall("presence-setting", "PUT", "/api/users/me/presence", fixture.fuzzerToken(), b));
		return Gen.oneOf(list, setting);
	}

}
