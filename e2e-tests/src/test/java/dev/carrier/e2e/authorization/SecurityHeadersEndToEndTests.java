package dev.carrier.e2e.authorization;

import static dev.carrier.e2e.support.CarrierApi.get;
import static dev.carrier.e2e.support.CarrierApi.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.carrier.e2e.support.CarrierApi;
import dev.carrier.e2e.support.CarrierApi.Reply;
import dev.carrier.e2e.support.TestUser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Security headers on every response (successes, refusals, 401s, errors) and CORS closed
 * to other origins, on the scene of {@link AuthorizationEndToEndTests}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityHeadersEndToEndTests {

	private AttackScene scene;

	@BeforeAll
	void aVictimWithChatsAndAnAttackerWithLeakedIds() {
		scene = AttackScene.create();
	}

	@Test
	void everyResponseCarriesSecurityHeaders() {
		List<Reply> replies = new ArrayList<>();
		TestUser spare = scene.attacker().loggedInAgain();
		for (ContractCall call : ContractCalls.ALL) {
			if (call.contract().equals("POST /api/auth/logout")) {
				continue; // below, last, so that the spare session lives through the loop
			}
			// Successes (the victim reading), refusals (the attacker on the victim's
			// chat) and 401s.
			if (call.method().equals("GET")) {
				replies.add(scene.call(call, new Disguise("victim", scene.victim().token(), Map.of(), ""),
						scene.group(), scene.victimMessageIds().get(1)));
			}
			replies.add(scene.call(call, new Disguise("attacker", spare.token(), Map.of(), ""), scene.group(),
					scene.victimMessageIds().get(1)));
			replies.add(scene.call(call, new Disguise("nobody", null, Map.of(), ""), scene.group(),
					scene.victimMessageIds().get(1)));
		}
		replies.add(post("/api/auth/logout", spare.token(), null));
		replies.add(post("/api/auth/logout", spare.token(), null));
		replies.add(get("/", null));
		replies.add(get("/api/nope", scene.attacker().token()));
		replies.add(post("/api/chats", scene.attacker().token(), "{"));
		List<String> missing = new ArrayList<>();
		for (Reply reply : replies) {
			String frameOptions = reply.header("X-Frame-Options");
			String csp = reply.header("Content-Security-Policy");
			if (!"nosniff".equalsIgnoreCase(reply.header("X-Content-Type-Options"))) {
				missing.add("X-Content-Type-Options: nosniff on " + reply.status() + " "
						+ Refusals.abbreviate(reply.text()));
			}
			if (frameOptions == null && (csp == null || !csp.contains("frame-ancestors"))) {
				missing.add("X-Frame-Options or CSP frame-ancestors on " + reply.status() + " "
						+ Refusals.abbreviate(reply.text()));
			}
			if (reply.header("Referrer-Policy") == null) {
				missing.add("Referrer-Policy on " + reply.status() + " " + Refusals.abbreviate(reply.text()));
			}
		}
		assertThat(missing).as("security headers missing on %d of %d responses", missing.size(), replies.size())
			.isEmpty();
	}

	@Test
	void corsIsClosedToOtherOrigins() {
		List<String> open = new ArrayList<>();
		for (String path : List.of("/api/chats", "/api/auth/login", "/api/users/me",
				"/api/chats/" + scene.group() + "/messages")) {
			Reply preflight = CarrierApi.send("OPTIONS", path, null, null,
					Map.of("Origin", "https://evil.example", "Access-Control-Request-Method", "POST",
							"Access-Control-Request-Headers", "authorization,content-type"));
			if (preflight.header("Access-Control-Allow-Origin") != null
					|| preflight.header("Access-Control-Allow-Credentials") != null) {
				open.add("preflight " + path + " -> " + preflight.status() + " ACAO="
						+ preflight.header("Access-Control-Allow-Origin"));
			}
			Reply actual = CarrierApi.send("GET", path, scene.victim().token(), null,
					Map.of("Origin", "https://evil.example"));
			if (actual.header("Access-Control-Allow-Origin") != null) {
				open.add("GET " + path + " -> " + actual.status() + " ACAO="
						+ actual.header("Access-Control-Allow-Origin"));
			}
			assertThat(actual.text()).doesNotContain(AttackScene.SECRET);
		}
		Reply login = CarrierApi.send("POST", "/api/auth/login", null,
				Map.of("login", scene.friend().username(), "password", TestUser.PASSWORD),
				Map.of("Origin", "https://evil.example"));
		if (login.header("Access-Control-Allow-Origin") != null) {
			open.add("POST /api/auth/login -> " + login.status() + " ACAO="
					+ login.header("Access-Control-Allow-Origin"));
		}
		assertThat(open).as("CORS answers to https://evil.example").isEmpty();
	}

}
