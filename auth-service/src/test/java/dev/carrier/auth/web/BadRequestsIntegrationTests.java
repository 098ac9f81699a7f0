package dev.carrier.auth.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.carrier.auth.support.Api;
import dev.carrier.auth.support.Api.Response;
import dev.carrier.auth.support.Api.Session;
import dev.carrier.auth.support.AuthIntegrationTest;
import dev.carrier.auth.support.Images;
import dev.carrier.auth.support.RawHttp;
import dev.carrier.testsupport.TestTrust;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input is a 4xx problem document, never a 5xx, and changes nothing. */
class BadRequestsIntegrationTests extends AuthIntegrationTest {

	@Test
	void invalidSignupsAreProblemsAndCreateNothing() {
		String name = Api.uniqueName();
		String email = name + "@example.com";
		String longName = "a".repeat(33);
		List<String> bodies = List.of("{", "not json", "[]", "null", "{\"username\":\"%s\"}".formatted(name),
				"{\"username\":\"%s\",\"email\":\"%s\"}".formatted(name, email),
				"{\"username\":\"%s\",\"email\":\"%s\",\"password\":12345678}".formatted(name, email),
				"{\"username\":[\"%s\"],\"email\":\"%s\",\"password\":\"%s\"}".formatted(name, email, PASSWORD),
				"{\"username\":\"ab\",\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, PASSWORD),
				"{\"username\":\"%s\",\"email\":\"%s\",\"password\":\"%s\"}".formatted(longName, email, PASSWORD),
				"{\"username\":\"%s x\",\"email\":\"%s\",\"password\":\"%s\"}".formatted(name, email, PASSWORD),
				"{\"username\":\"%s@x\",\"email\":\"%s\",\"password\":\"%s\"}".formatted(name, email, PASSWORD),
				"{\"username\":\"%s\",\"email\":\"not-an-email\",\"password\":\"%s\"}".formatted(name, PASSWORD),
				"{\"username\":\"%s\",\"email\":\"%s@%s.com\",\"password\":\"%s\"}".formatted(name, name,
						"d".repeat(250), PASSWORD),
				"{\"username\":\"%s\",\"email\":\"%s\",\"password\":\"short\"}".formatted(name, email),
				"{\"username\":\"%s\",\"email\":\"%s\",\"password\":\"%s\"}".formatted(name, email, "p".repeat(129)));
		for (String body : bodies) {
			Response response = this.api.post("/api/auth/signup", body);
			assertProblem(response, 400, body);
		}
		Response wrongMediaType = this.api.call("POST", "/api/auth/signup")
			.bytes("text/plain",
					"{\"username\":\"%s\",\"email\":\"%s\",\"password\":\"%s\"}".formatted(name, email, PASSWORD)
						.getBytes())
			.send();
		assertProblem(wrongMediaType, 415, "text/plain");
		assertProblem(this.api.call("GET", "/api/auth/signup").send(), 405, "GET signup");
		assertProblem(this.api.call("DELETE", "/api/users/me").send(), 405, "DELETE me");
		Response oversize = this.api.post("/api/auth/signup",
				"{\"username\":\"%s\",\"email\":\"%s\",\"password\":\"%s\",\"padding\":\"%s\"}".formatted(name, email,
						PASSWORD, "x".repeat(2_000_000)));
		assertThat(oversize.status()).isBetween(400, 499);

		assertThat(this.api.post("/api/auth/login", "{\"login\":\"%s\",\"password\":\"%s\"}".formatted(name, PASSWORD))
			.status()).isEqualTo(401);
	}

	@Test
	void oversizeBodiesWithoutAContentLengthAreRefusedToo() {
		String name = Api.uniqueName();
		byte[] json = "{\"username\":\"%s\",\"email\":\"%s@example.com\",\"password\":\"%s\",\"padding\":\"%s\"}"
			.formatted(name, name, PASSWORD, "x".repeat(200_000))
			.getBytes();
		Response signup = this.api.call("POST", "/api/auth/signup").chunked("application/json", json).send();
		assertThat(signup.status()).isBetween(400, 499);
		assertThat(signup.header("Content-Type")).startsWith("application/problem+json");
		assertThat(this.api.post("/api/auth/login", "{\"login\":\"%s\",\"password\":\"%s\"}".formatted(name, PASSWORD))
			.status()).isEqualTo(401);

		Session session = this.api.newSession(PASSWORD);
		byte[] huge = java.util.Arrays.copyOf(dev.carrier.auth.support.Images.PNG, 3 * 1024 * 1024);
		Response avatar = this.api.call("PUT", "/api/users/me/avatar").as(session).chunked("image/png", huge).send();
		assertProblem(avatar, 413, "chunked avatar");
		byte[] small = dev.carrier.auth.support.Images.pngOfSize(4096);
		assertThat(this.api.call("PUT", "/api/users/me/avatar").as(session).chunked("image/png", small).send().status())
			.isEqualTo(200);
	}

	@Test
	void invalidProfileChangesAreProblemsAndChangeNothing() {
		Session session = this.api.newSession(PASSWORD);
		for (String body : List.of("{", "{\"username\":5}", "{\"username\":\"x\"}", "{\"username\":\"has space\"}",
				"{\"email\":\"nope\"}", "{\"email\":[1]}")) {
			Response response = this.api.call("PATCH", "/api/users/me").as(session).json(body).send();
			assertProblem(response, 400, body);
		}
		for (String body : List.of("{}", "{\"currentPassword\":\"%s\"}".formatted(PASSWORD),
				"{\"currentPassword\":\"%s\",\"newPassword\":\"short\"}".formatted(PASSWORD),
				"{\"currentPassword\":\"%s\",\"newPassword\":true}".formatted(PASSWORD))) {
			Response response = this.api.call("PUT", "/api/users/me/password").as(session).json(body).send();
			assertProblem(response, 400, body);
		}
		Response me = this.api.call("GET", "/api/users/me").as(session).send();
		assertThat(me.json().get("user").get("username").asString()).isEqualTo(session.username());
		assertThat(me.json().get("user").get("email").asString()).isEqualTo(session.email());
		assertThat(this.api.login(session.username(), PASSWORD).userId()).isEqualTo(session.userId());
	}

	@Test
	void malformedLoginsAndLookupsAreProblems() {
		assertProblem(this.api.post("/api/auth/login", "{\"login\":\"\",\"password\":\"x\"}"), 400, "blank login");
		assertProblem(this.api.post("/api/auth/login", "{\"login\":\"someone\"}"), 400, "no password");
		assertProblem(this.api.post("/api/auth/login", "{\"login\":{},\"password\":\"x\"}"), 400, "object login");
		assertProblem(
				this.api.post("/api/auth/login",
						"{\"login\":\"nobody-%s\",\"password\":\"%s\"}".formatted(Api.uniqueName(), PASSWORD)),
				401, "unknown user");
		Session session = this.api.newSession(PASSWORD);
		assertProblem(this.api.call("GET", "/api/users/lookup").as(session).send(), 400, "lookup without q");
		assertProblem(this.api.call("GET", "/api/users/lookup?q=").as(session).send(), 400, "lookup blank q");
		assertProblem(this.api.call("GET", "/api/users/lookup?q=%C0%AE%C0%AE").as(session).send(), 400,
				"lookup q that is no UTF-8");
		assertProblem(this.api.call("GET", "/api/users/bad!id/avatar").send(), 404, "odd avatar id");
		assertProblem(this.api.call("GET", "/internal/users/online").send(), 400, "online without ids");
	}

	@Test
	void callsThatNeedAUserAreRefusedWithoutOne() {
		assertProblem(this.api.call("GET", "/api/users/me").send(), 401, "me");
		assertProblem(this.api.call("PATCH", "/api/users/me").json("{}").send(), 401, "patch me");
		assertProblem(this.api.call("PUT", "/api/users/me/password").json("{}").send(), 401, "password");
		assertProblem(this.api.call("POST", "/api/auth/logout").send(), 401, "logout");
		assertProblem(this.api.call("GET", "/api/users/lookup?q=x").send(), 401, "lookup");
		assertProblem(this.api.call("GET", "/internal/sessions/current").send(), 401, "current without token");
		assertProblem(
				this.api.call("GET", "/internal/sessions/current").header("Authorization", "Bearer not-a-token").send(),
				401, "current with a bad token");
	}

	/**
	 * Only the gateway's signed assertion names a caller; a bare X-Carrier-User-Id names
	 * nobody. As a second line, when a bearer token travels along, it must be the
	 * asserted user's.
	 */
	@Test
	void aBareUserIdHeaderIsNotAnIdentity() {
		Session victim = this.api.newSession(PASSWORD);
		Response bare = this.api.call("GET", "/api/users/me")
			.header("X-Carrier-User-Id", victim.userId())
			.header("Authorization", "Bearer " + victim.token())
			.send();
		assertProblem(bare, 401, "bare user id header");
		Response forged = this.api.call("GET", "/api/users/me")
			.header("X-Carrier-Identity",
					TestTrust.sign("gateway", "carrier-api", victim.userId(), java.time.Instant.now().plusSeconds(30),
							java.util.Base64.getEncoder().encodeToString(new byte[32])))
			.send();
		assertProblem(forged, 401, "assertion signed with another key");
	}

	@Test
	void internalCallsNeedAServiceCredential() {
		Session session = this.api.newSession(PASSWORD);
		assertProblem(this.api.call("GET", "/internal/sessions/current")
			.withoutServiceCredential()
			.header("Authorization", "Bearer " + session.token())
			.send(), 401, "session check without a credential");
		assertProblem(this.api.call("GET", "/internal/users?ids=" + session.userId())
			.withoutServiceCredential()
			.header("X-Carrier-Service", TestTrust.identity(session.userId()))
			.send(), 401, "a user's assertion is not a service credential");
	}

	@Test
	void anAssertionForSomebodyCannotActWithSomebodyElsesToken() {
		Session victim = this.api.newSession(PASSWORD);
		Session attacker = this.api.newSession(PASSWORD);
		Response forgedPatch = this.api.call("PATCH", "/api/users/me")
			.header("X-Carrier-Identity", TestTrust.identity(victim.userId()))
			.header("Authorization", "Bearer " + attacker.token())
			.json("{\"username\":\"%s\"}".formatted(Api.uniqueName()))
			.send();
		assertProblem(forgedPatch, 401, "forged patch");
		Response forgedLogout = this.api.call("POST", "/api/auth/logout")
			.header("X-Carrier-Identity", TestTrust.identity(victim.userId()))
			.header("Authorization", "Bearer " + attacker.token())
			.send();
		assertProblem(forgedLogout, 401, "forged logout");
		assertThat(
				this.api.call("GET", "/api/users/me").as(victim).send().json().get("user").get("username").asString())
			.isEqualTo(victim.username());
		assertThat(this.api.call("GET", "/internal/sessions/current")
			.header("Authorization", "Bearer " + attacker.token())
			.send()
			.status()).isEqualTo(200);
	}

	@Test
	void everyBodyWithTheWrongMediaTypeIsA415ProblemOnEveryEndpoint() {
		Session session = this.api.newSession(PASSWORD);
		String[][] calls = { { "POST", "/api/auth/signup" }, { "POST", "/api/auth/login" },
				{ "PATCH", "/api/users/me" }, { "PUT", "/api/users/me/password" }, { "PUT", "/api/users/me/avatar" } };
		List<String> types = List.of("multipart/form-data; boundary=x", "*/*", "text/plain", "application/xml",
				"application/x-www-form-urlencoded", "not-a-media-type", "application/octet-stream");
		byte[] body = "--x\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nhi\r\n--x--\r\n".getBytes();
		for (String[] call : calls) {
			for (String type : types) {
				Response response = this.api.call(call[0], call[1]).as(session).bytes(type, body).send();
				assertProblem(response, 415, call[0] + " " + call[1] + " as " + type);
			}
		}
		Response me = this.api.call("GET", "/api/users/me").as(session).send();
		assertThat(me.json().get("user").get("avatarUrl").isNull()).isTrue();
		assertThat(me.json().get("user").get("username").asString()).isEqualTo(session.username());
	}

	@Test
	void aBodyWithoutAContentTypeIsAProblem() {
		Session session = this.api.newSession(PASSWORD);
		for (String[] call : new String[][] { { "POST", "/api/auth/signup" }, { "PATCH", "/api/users/me" },
				{ "PUT", "/api/users/me/avatar" } }) {
			Response response = RawHttp.sendWithBody(
					this.port, call[0] + " " + call[1] + " HTTP/1.1", "X-Carrier-Identity: "
							+ TestTrust.identity(session.userId()) + "\r\nAuthorization: Bearer " + session.token(),
					Images.PNG);
			assertThat(response.status()).as(call[1] + ": " + response).isBetween(400, 499);
			assertProblem(response, response.status(), call[1] + " without a Content-Type");
		}
	}

	@Test
	void bytesTomcatRefusesInThePathOrQueryAreProblemsNotHtml() {
		for (String target : List.of("/api/users/%00/avatar", "/api/users/%C0%AE%C0%AE/avatar",
				"/api/users/%FF%FE/avatar", "/api/users/lookup?q=[1]", "/api/users/lookup?q={x}", "/api/users/%/avatar",
				"/api/users/a%2Fb/avatar", "/api/users/%5C/avatar")) {
			Response response = RawHttp.send(this.port, "GET " + target + " HTTP/1.1");
			assertThat(response.status()).as(target + ": " + response).isBetween(400, 499);
			assertProblem(response, response.status(), target);
			assertThat(response.text()).as(target).doesNotContain("<html").doesNotContain("Tomcat");
		}
	}

	@Test
	void methodsNobodyAnswersAreProblemsWithAType() {
		for (String method : List.of("TRACE", "PROPFIND", "CONNECT-ISH")) {
			Response response = RawHttp.send(this.port, method + " /api/users/me HTTP/1.1");
			assertThat(response.status()).as(method + ": " + response).isBetween(400, 499);
			assertProblem(response, response.status(), method);
			assertThat(response.text()).as(method).doesNotContain("timestamp");
		}
		Response trace = this.api.call("TRACE", "/api/users/me").send();
		assertProblem(trace, 405, "TRACE");
		assertThat(trace.json().get("type").asString()).isEqualTo("https://carrier.dev/problems/method-not-allowed");
		assertProblem(this.api.call("GET", "/error").send(), 500, "the error page itself");
		assertProblem(this.api.call("GET", "/no/such/thing").send(), 404, "unknown path");
	}

	@Test
	void problemsRaisedBySpringCarryATypeToo() {
		Response malformed = this.api.post("/api/auth/login", "{");
		assertProblem(malformed, 400, "malformed JSON");
		assertThat(malformed.json().get("type").asString()).isEqualTo("https://carrier.dev/problems/bad-request");
		Response wrongMethod = this.api.call("PUT", "/api/auth/login").send();
		assertProblem(wrongMethod, 405, "PUT login");
		assertThat(wrongMethod.json().get("type").asString())
			.isEqualTo("https://carrier.dev/problems/method-not-allowed");
		Response unsupported = this.api.call("POST", "/api/auth/login").bytes("text/plain", "x".getBytes()).send();
		assertThat(unsupported.json().get("type").asString())
			.isEqualTo("https://carrier.dev/problems/unsupported-media-type");
	}

	@Test
	void openApiDescribesEveryEndpoint() {
		Response published = this.api.call("GET", "/v3/api-docs/public").send();
		assertThat(published.status()).isEqualTo(200);
		assertThat(published.json().get("paths").propertyNames())
			.contains("/api/auth/signup", "/api/auth/login", "/api/auth/logout", "/api/users/me",
					"/api/users/me/password", "/api/users/me/avatar", "/api/users/{id}/avatar", "/api/users/lookup")
			.noneMatch((path) -> path.startsWith("/internal"));
		Response internal = this.api.call("GET", "/v3/api-docs/internal").send();
		assertThat(internal.json().get("paths").propertyNames())
			.contains("/internal/sessions/current", "/internal/sessions/alive", "/internal/users/lookup",
					"/internal/users", "/internal/users/online")
			.allMatch((path) -> path.startsWith("/internal"));
	}

	static void assertProblem(Response response, int status, String what) {
		assertThat(response.status()).as(what + ": " + response).isEqualTo(status);
		assertThat(response.header("Content-Type")).as(what).startsWith("application/problem+json");
		assertThat(response.json().get("type")).as(what).isNotNull();
		assertThat(response.json().get("title")).as(what).isNotNull();
		assertThat(response.json().get("status").asInt()).as(what).isEqualTo(status);
		assertThat(response.json().get("detail")).as(what).isNotNull();
		assertThat(response.text()).as(what).doesNotContain("Exception").doesNotContain("at dev.carrier");
	}

}
