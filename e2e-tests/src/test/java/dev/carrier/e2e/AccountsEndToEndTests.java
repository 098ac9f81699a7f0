package dev.carrier.e2e;

import static dev.carrier.e2e.support.CarrierApi.get;
import static dev.carrier.e2e.support.CarrierApi.patch;
import static dev.carrier.e2e.support.CarrierApi.post;
import static dev.carrier.e2e.support.CarrierApi.put;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.carrier.e2e.support.CarrierApi;
import dev.carrier.e2e.support.Servers;
import dev.carrier.e2e.support.TestUser;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** docs/api.md "Accounts and sessions", through the gateway of the running system. */
class AccountsEndToEndTests {

	@Test
	void anAccountLivesThroughRenamePasswordChangeAndLogout() {
		TestUser alice = TestUser.signUp("alice");
		TestUser otherDevice = alice.loggedInAgain();

		var me = get("/api/users/me", alice.token());
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.json().get("user").get("id").asString()).isEqualTo(alice.id());
		assertThat(me.json().get("user").get("email").asString()).isEqualTo(alice.email());

		String newName = "renamed_" + UUID.randomUUID().toString().substring(0, 8);
		var renamed = patch("/api/users/me", alice.token(), Map.of("username", newName));
		assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
		assertThat(renamed.json().get("user").get("id").asString()).isEqualTo(alice.id());
		assertThat(post("/api/auth/login", null, Map.of("login", alice.username(), "password", TestUser.PASSWORD))
			.status()).isEqualTo(401);
		TestUser afterRename = TestUser.logIn(newName, alice.email(), TestUser.PASSWORD);
		assertThat(afterRename.id()).isEqualTo(alice.id());

		String newPassword = "a much better passphrase";
		var changed = put("/api/users/me/password", alice.token(),
				Map.of("currentPassword", TestUser.PASSWORD, "newPassword", newPassword));
		assertThat(changed.status()).as(changed.toString()).isEqualTo(204);
		Awaitility.await("other sessions end")
			.atMost(Duration.ofSeconds(2))
			.until(() -> get("/api/users/me", otherDevice.token()).status() == 401);
		assertThat(get("/api/users/me", alice.token()).status()).isEqualTo(200);
		assertThat(post("/api/auth/login", null, Map.of("login", newName, "password", TestUser.PASSWORD)).status())
			.isEqualTo(401);
		TestUser.logIn(newName, alice.email(), newPassword);

		assertThat(post("/api/auth/logout", alice.token(), null).status()).isEqualTo(204);
		Awaitility.await("the token is dead")
			.atMost(Duration.ofSeconds(1))
			.until(() -> get("/api/users/me", alice.token()).status() == 401);
	}

	@Test
	void usernamesAndEmailsAreUniqueIgnoringCase() {
		TestUser bob = TestUser.signUp("bob");
		var sameName = post("/api/auth/signup", null, Map.of("username", bob.username().toUpperCase(), "email",
				"x" + bob.email(), "password", "password123"));
		var sameEmail = post("/api/auth/signup", null, Map.of("username", bob.username() + "x", "email",
				bob.email().toUpperCase(), "password", "password123"));
		assertThat(sameName.status()).isEqualTo(409);
		assertThat(sameEmail.status()).isEqualTo(409);
		assertThat(sameName.header("Content-Type")).startsWith("application/problem+json");
	}

	@Test
	void badInputGetsAProblemAndChangesNothing() {
		TestUser carol = TestUser.signUp("carol");
		List<String> badSignups = List.of("{", "[]", "{\"username\":1}",
				"{\"username\":\"ab\",\"email\":\"a@b.c\",\"password\":\"password1\"}",
				"{\"username\":\"" + "x".repeat(5000) + "\",\"email\":\"a@b.c\",\"password\":\"password1\"}",
				"{\"username\":\"ok_name\",\"email\":\"not-an-email\",\"password\":\"password1\"}",
				"{\"username\":\"ok_name2\",\"email\":\"a@b.c\",\"password\":\"short\"}");
		for (String body : badSignups) {
			var reply = post("/api/auth/signup", null, body);
			assertThat(reply.status()).as(body.substring(0, Math.min(40, body.length()))).isBetween(400, 499);
			assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
			assertThat(reply.text()).doesNotContain("Exception").doesNotContain("at dev.carrier");
		}
		var badRename = patch("/api/users/me", carol.token(), Map.of("username", "no spaces allowed"));
		assertThat(badRename.status()).isEqualTo(400);
		var notAnImage = CarrierApi.sendBytes("PUT", "/api/users/me/avatar", carol.token(),
				"<svg onload=alert(1)>".getBytes(), "image/png");
		assertThat(notAnImage.status()).isBetween(400, 499);
		var me = get("/api/users/me", carol.token()).json().get("user");
		assertThat(me.get("username").asString()).isEqualTo(carol.username());
		assertThat(me.get("avatarUrl").isNull()).isTrue();
	}

	@Test
	void aForgedUserIdHeaderHasNoEffect() {
		TestUser dave = TestUser.signUp("dave");
		TestUser eve = TestUser.signUp("eve");
		var forged = CarrierApi.send("GET", "/api/users/me", eve.token(), null,
				Map.of("X-Carrier-User-Id", dave.id(), "X-User-Id", dave.id()));
		assertThat(forged.json().get("user").get("id").asString()).isEqualTo(eve.id());
		var anonymous = CarrierApi.send("GET", "/api/users/me", null, null, Map.of("X-Carrier-User-Id", dave.id()));
		assertThat(anonymous.status()).isEqualTo(401);
	}

	@Test
	void everyAccountSurvivesTheLossOfRedis() {
		List<TestUser> users = List.of(TestUser.signUp("frank"), TestUser.signUp("grace"), TestUser.signUp("heidi"));
		Awaitility.await("MySQL holds every account")
			.atMost(Duration.ofSeconds(15))
			.until(() -> users.stream()
				.allMatch(u -> Servers.mysqlLong("select count(*) from users where id = ?", u.id()) == 1));

		Servers.redisCli("FLUSHALL");

		for (TestUser user : users) {
			assertThat(get("/api/users/me", user.token()).status()).as("sessions live in Redis").isEqualTo(401);
			TestUser again = TestUser.logIn(user.email(), user.email(), TestUser.PASSWORD);
			assertThat(again.id()).isEqualTo(user.id());
		}
		assertThat(Servers.allLogs()).doesNotContain(TestUser.PASSWORD).doesNotContain("pbkdf2-sha256$");
	}

}
