package dev.carrier.e2e.authorization;

import static dev.carrier.e2e.support.CarrierApi.get;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.carrier.e2e.support.CarrierApi;
import dev.carrier.e2e.support.CarrierApi.Reply;
import dev.carrier.e2e.support.Chats;
import dev.carrier.e2e.support.EventSocket;
import dev.carrier.e2e.support.ProblemCheck;
import dev.carrier.e2e.support.TestUser;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * One user attacks another's chats, messages, avatar and profile with every call of
 * docs/api.md: leaked and guessed ids, ids of a group it left, dead tokens, forged
 * identity headers, tokens in the query string. Nothing of the victim's is read or
 * changed; chats answer 404, bad tokens 401. (Security headers and CORS:
 * {@link SecurityHeadersEndToEndTests}.)
 *
 * <p>
 * The scene is set by {@link AttackScene}, the calls come from {@link ContractCalls}, the
 * identities from {@link Disguises}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationEndToEndTests {

	private final Refusals refusals = new Refusals();

	private AttackScene scene;

	/**
	 * What the victim and its friend saw before the attacks; the WebSocket test takes it
	 * again after the victim's own messages.
	 */
	private Map<String, String> before;

	@BeforeEach
	void freshFailures() {
		refusals.clear();
	}

	@BeforeAll
	void aVictimWithChatsAndAnAttackerWithLeakedIds() {
		scene = AttackScene.create();
		before = scene.victimView();
	}

	// ---------------------------------------------------- the table covers the contract

	@Test
	void theTableCoversEveryRowOfTheContract() throws IOException {
		Set<String> rows = ContractCalls.contractRows();
		Set<String> covered = ContractCalls.ALL.stream()
			.map(ContractCall::contract)
			.collect(Collectors.toCollection(LinkedHashSet::new));
		assertThat(covered).as("calls tried by this test").containsAll(rows);
		assertThat(rows).as("rows of docs/api.md")
			.containsAll(covered.stream().filter(c -> !c.equals("GET /api/ws")).toList());
	}

	@Test
	void deadForgedAndQueryStringTokensGet401OnEveryAuthenticatedCall() {
		for (Disguise who : Disguises.deadOrForgedIdentities(scene)) {
			for (ContractCall call : ContractCalls.ALL) {
				if (call.scope() == Scope.PUBLIC || call.contract().equals("GET /api/ws")) {
					continue;
				}
				// Real ids of the victim, so that any bypass would land on the victim's
				// data.
				Reply reply = scene.call(call, who, scene.group(), scene.victimMessageIds().get(1));
				refusals.expect(reply.status() == 401, "want 401", call, who, reply);
				refusals.expect(ProblemCheck.problemFaults(reply).isEmpty(),
						"want a problem " + ProblemCheck.problemFaults(reply), call, who, reply);
				refusals.expect(
						!reply.text().contains(AttackScene.SECRET) && !reply.text().contains(scene.victim().email()),
						"leaks the victim's data", call, who, reply);
			}
		}
		assertNothingOfTheVictimsChanged();
	}

	@Test
	void theAttackerGets404ForEveryChatCallOnLeakedGuessedAndLeftIds() {
		for (Disguise who : Disguises.attackerIdentities(scene)) {
			for (String[] target : scene.targetIds()) {
				for (ContractCall call : ContractCalls.ALL) {
					if (call.scope() != Scope.CHAT && call.scope() != Scope.MESSAGE) {
						continue;
					}
					if (target[1].equals(scene.attackerOwnChat()) && call.scope() != Scope.MESSAGE) {
						continue; // its own chat is its own business; only the victim's
									// message id is foreign there
					}
					Reply reply = scene.call(call, who, target[1], target[2]);
					Disguise labelled = new Disguise(who.name() + " / " + target[0], who.token(), who.headers(),
							who.query());
					refusals.expect(reply.status() == 404, "want 404", call, labelled, reply);
					refusals.expect(ProblemCheck.problemFaults(reply).isEmpty(),
							"want a problem " + ProblemCheck.problemFaults(reply), call, labelled, reply);
					refusals.expect(!reply.text().contains(AttackScene.SECRET), "leaks the victim's messages", call,
							labelled, reply);
				}
			}
		}
		assertNothingOfTheVictimsChanged();
		assertThat(get("/api/chats", scene.attacker().token()).text()).doesNotContain(scene.direct())
			.doesNotContain(scene.group())
			.doesNotContain(scene.leftGroup());
	}

	@Test
	void forgedIdentityHeadersActOnTheCallerOnlyForEveryAccountCall() {
		TestUser spare = scene.attacker().loggedInAgain();
		for (Disguise who : Disguises.attackerIdentities(scene)) {
			Disguise onSpare = new Disguise(who.name(), spare.token(), who.headers(), who.query());
			for (ContractCall call : ContractCalls.ALL) {
				if (call.scope() != Scope.SELF && call.scope() != Scope.PUBLIC || call.contract().equals("GET /api/ws")
						|| call.contract().equals("POST /api/auth/logout")) {
					continue;
				}
				Reply reply = scene.call(call, onSpare, scene.attackerOwnChat(), "none");
				String text = reply.text();
				refusals.expect(!text.contains(scene.victim().email()), "shows the victim's email", call, onSpare,
						reply);
				refusals.expect(reply.status() < 500, "5xx", call, onSpare, reply);
				switch (call.contract()) {
					case "GET /api/users/me" -> refusals.expect(
							reply.status() == 200
									&& reply.json().get("user").get("id").asString().equals(scene.attacker().id()),
							"want the caller's own profile", call, onSpare, reply);
					case "PATCH /api/users/me" -> refusals.expect(reply.status() == 409,
							"want 409 (the victim's name is taken)", call, onSpare, reply);
					// 403 wrong-password (the attacker does not know the victim's), 429
					// once the attacker's account has run out of tries: refused either
					// way
					case "PUT /api/users/me/password" -> refusals.expect(
							reply.status() == 403 || reply.status() == 400 || reply.status() == 401
									|| reply.status() == 429,
							"the victim's password must not change the attacker's", call, onSpare, reply);
					case "PUT /api/users/me/avatar" -> refusals.expect(
							reply.status() == 200
									&& reply.json().get("user").get("id").asString().equals(scene.attacker().id()),
							"want the caller's own avatar changed", call, onSpare, reply);
					case "GET /api/users/lookup" -> refusals.expect(
							reply.status() == 200 && (reply.json().path("user").path("email").isMissingNode()
									|| reply.json().path("user").path("email").isNull()),
							"lookup of another user must not show the email", call, onSpare, reply);
					case "POST /api/chats" -> refusals.expect(
							(reply.status() == 201 || reply.status() == 409) && !text.contains(scene.victim().id())
									&& text.contains(scene.attacker().id()),
							"want a chat of the caller, never of the victim", call, onSpare, reply);
					case "GET /api/chats" -> refusals.expect(
							reply.status() == 200 && !text.contains(scene.direct()) && !text.contains(scene.group())
									&& !text.contains(scene.leftGroup()),
							"want only the caller's chats", call, onSpare, reply);
					case "GET /api/search" -> refusals.expect(
							reply.status() == 200 && !text.contains(scene.direct()) && !text.contains(scene.group())
									&& !text.contains(scene.leftGroup()),
							"want only the caller's messages", call, onSpare, reply);
					// the victim shares no chat with the attacker: left out, never shown
					case "GET /api/users/presence" -> refusals.expect(
							reply.status() == 200 && reply.json().isArray() && !text.contains(scene.victim().id()),
							"want the victim left out of presence", call, onSpare, reply);
					// the caller's own setting; the victim's profile (with theirs) is
					// compared
					// after
					case "PUT /api/users/me/presence" -> refusals.expect(reply.status() == 204,
							"want the caller's own setting changed", call, onSpare, reply);
					// 429: the gateway limits signups and logins per name, and these all
					// name the victim.
					case "POST /api/auth/signup" -> refusals.expect(reply.status() == 409 || reply.status() == 429,
							"want 409 (taken)", call, onSpare, reply);
					case "POST /api/auth/login" -> refusals.expect(reply.status() == 401 || reply.status() == 429,
							"want 401", call, onSpare, reply);
					case "GET /api/users/{id}/avatar" ->
						refusals.expect(reply.status() == 200, "the avatar is public", call, onSpare, reply);
					default -> throw new IllegalStateException("no expectation for " + call.contract());
				}
			}
			// Logout with a forged identity ends the caller's session, never the
			// victim's. A fresh account per disguise: the gateway limits logins per name
			// (5 a minute after a burst).
			TestUser session = TestUser.signUp("logout");
			Reply logout = CarrierApi.send("POST", "/api/auth/logout", session.token(), null, who.headers());
			refusals.expect(logout.status() == 204, "want the caller logged out", ContractCalls.LOGOUT, who, logout);
			refusals.expect(get("/api/users/me", scene.victim().token()).status() == 200, "the victim was logged out",
					ContractCalls.LOGOUT, who, logout);
		}
		// Login never yields a session of someone else, whatever the headers say.
		Reply login = CarrierApi.send("POST", "/api/auth/login", null,
				Map.of("login", scene.attackerHelper().username(), "password", TestUser.PASSWORD),
				Map.of("X-Carrier-User-Id", scene.victim().id()));
		assertThat(login.status()).as(login.toString()).isEqualTo(200);
		assertThat(login.json().get("user").get("id").asString()).isEqualTo(scene.attackerHelper().id());
		assertThat(get("/api/users/" + UUID.randomUUID() + "/avatar", null).status()).isEqualTo(404);
		assertThat(refusals.failures()).as("forged identities").isEmpty();
		assertNothingOfTheVictimsChanged();
		assertThat(TestUser.logIn(scene.victim().username(), scene.victim().email(), AttackScene.NEW_PASSWORD).id())
			.isEqualTo(scene.victim().id());
	}

	@Test
	void theWebSocketRefusesDeadAndQueryStringTokensAndKeepsForeignChatsSilent() throws Exception {
		assertThat(EventSocket.closeCodeFor(scene.victimLoggedOutToken())).isEqualTo(4401);
		assertThat(EventSocket.closeCodeFor(scene.victimPasswordChangedToken())).isEqualTo(4401);
		// A token in the query string is not a way in: no "ready", nothing delivered.
		QuerySocket byQuery = QuerySocket
			.open("?token=" + scene.victim().token() + "&access_token=" + scene.victim().token());
		try (EventSocket attackerLive = EventSocket.connect(scene.attacker().token());
				EventSocket victimLive = EventSocket.connect(scene.victim().token())) {
			attackerLive.send("{\"type\":\"typing\",\"chatId\":\"" + scene.group() + "\"}");
			attackerLive.send("{\"type\":\"typing\",\"chatId\":\"" + scene.leftGroup() + "\"}");
			Chats.send(scene.victim(), scene.group(), AttackScene.SECRET + " live");
			Chats.send(scene.victim(), scene.leftGroup(), AttackScene.SECRET + " live after leaving");
			victimLive.await("the victim's own message",
					e -> e.toString().contains(AttackScene.SECRET + " live after leaving"));
			Awaitility.await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> true);
			attackerLive.assertNothingMentions(scene.group());
			attackerLive.assertNothingMentions(scene.leftGroup());
			assertThat(victimLive.events("typing"))
				.noneMatch(e -> scene.attacker().id().equals(e.path("userId").asString()));
		}
		assertThat(byQuery.readyOrEvents()).as("frames on a socket authenticated only by the query string")
			.noneMatch(frame -> frame.contains("ready") || frame.contains(AttackScene.SECRET)
					|| frame.contains("message.created"));
		byQuery.abort();
		// The victim's own messages are the only change; the other tests compare against
		// this.
		before = scene.victimView();
	}

	void assertNothingOfTheVictimsChanged() {
		assertThat(refusals.failures()).as("attacks that were not refused as the contract says").isEmpty();
		assertThat(scene.victimView()).as("what the victim and its friend see").isEqualTo(before);
		for (String chat : List.of(scene.direct(), scene.group())) {
			String members = get("/api/chats/" + chat, scene.victim().token()).text();
			assertThat(members).doesNotContain(scene.attacker().id());
		}
	}

}
