package dev.carrier.e2e;

import static dev.carrier.e2e.support.CarrierApi.get;
import static dev.carrier.e2e.support.CarrierApi.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.carrier.e2e.support.CarrierApi;
import dev.carrier.e2e.support.CarrierApi.Reply;
import dev.carrier.e2e.support.Chats;
import dev.carrier.e2e.support.EventSocket;
import dev.carrier.e2e.support.ProblemCheck;
import dev.carrier.e2e.support.Servers;
import dev.carrier.e2e.support.TestUser;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * One user attacks another's chats, messages, avatar and profile with every call of
 * docs/api.md: leaked and guessed ids, ids of a group it left, dead tokens, forged
 * identity headers, tokens in the query string. Nothing of the victim's is read or
 * changed; chats answer 404, bad tokens 401. Also: security headers on every response and
 * CORS closed to other origins.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationEndToEndTests {

	static final String SECRET = "victim-secret-" + UUID.randomUUID();

	static final String NEW_PASSWORD = "victim changed passphrase";

	static final byte[] PNG = Base64.getDecoder()
		.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

	/**
	 * How a row of docs/api.md touches data: public, the caller's own account, a chat, a
	 * message of a chat.
	 */
	enum Scope {

		PUBLIC, SELF, CHAT, MESSAGE

	}

	/**
	 * One row of docs/api.md: {@code contract} as the table spells the call, and how to
	 * make it.
	 */
	record Call(String contract, Scope scope, String method, String template, String body) {

		String path(String chatId, String messageId, String userId) {
			return template.replace("{chatId}", chatId).replace("{messageId}", messageId).replace("{id}", userId);
		}

	}

	/**
	 * Every call of docs/api.md. Bodies are valid, so that a missing check would let the
	 * call through. {@code %VICTIM_USERNAME%} and friends are filled in per run.
	 */
	static final List<Call> CALLS = List.of(new Call("POST /api/auth/signup", Scope.PUBLIC, "POST", "/api/auth/signup",
			"{\"username\":\"%VICTIM_USERNAME%\",\"email\":\"%FRESH_EMAIL%\",\"password\":\"long enough password\"}"),
			new Call("POST /api/auth/login", Scope.PUBLIC, "POST", "/api/auth/login",
					"{\"login\":\"%VICTIM_USERNAME%\",\"password\":\"not the password\"}"),
			new Call("POST /api/auth/logout", Scope.SELF, "POST", "/api/auth/logout", null),
			new Call("GET /api/users/me", Scope.SELF, "GET", "/api/users/me", null),
			new Call("PATCH /api/users/me", Scope.SELF, "PATCH", "/api/users/me",
					"{\"username\":\"%VICTIM_USERNAME%\"}"),
			new Call("PUT /api/users/me/password", Scope.SELF, "PUT", "/api/users/me/password",
					"{\"currentPassword\":\"" + NEW_PASSWORD + "\",\"newPassword\":\"attacker chose this\"}"),
			new Call("PUT /api/users/me/avatar", Scope.SELF, "PUT", "/api/users/me/avatar", "{\"preset\":\"fox\"}"),
			new Call("GET /api/users/{id}/avatar", Scope.PUBLIC, "GET", "/api/users/{id}/avatar", null),
			new Call("GET /api/users/lookup", Scope.SELF, "GET", "/api/users/lookup?q=%VICTIM_EMAIL%", null),
			new Call("POST /api/chats", Scope.SELF, "POST", "/api/chats", "{\"members\":[\"%HELPER_USERNAME%\"]}"),
			new Call("GET /api/chats", Scope.SELF, "GET", "/api/chats", null),
			new Call("GET /api/chats/{chatId}", Scope.CHAT, "GET", "/api/chats/{chatId}", null),
			new Call("POST /api/chats/{chatId}/members", Scope.CHAT, "POST", "/api/chats/{chatId}/members",
					"{\"members\":[\"%ATTACKER_USERNAME%\"]}"),
			new Call("DELETE /api/chats/{chatId}/members/me", Scope.CHAT, "DELETE", "/api/chats/{chatId}/members/me",
					null),
			new Call("POST /api/chats/{chatId}/read", Scope.CHAT, "POST", "/api/chats/{chatId}/read", "{\"seq\":1}"),
			new Call("POST /api/chats/{chatId}/messages", Scope.CHAT, "POST", "/api/chats/{chatId}/messages",
					"{\"text\":\"planted by the attacker\",\"clientMessageId\":\"%FRESH_ID%\"}"),
			new Call("GET /api/chats/{chatId}/messages", Scope.CHAT, "GET", "/api/chats/{chatId}/messages", null),
			new Call("GET /api/chats/{chatId}/messages", Scope.CHAT, "GET",
					"/api/chats/{chatId}/messages?beforeSeq=3&limit=50", null),
			new Call("GET /api/chats/{chatId}/messages", Scope.CHAT, "GET", "/api/chats/{chatId}/messages?afterSeq=0",
					null),
			new Call("DELETE /api/chats/{chatId}/messages/{messageId}", Scope.MESSAGE, "DELETE",
					"/api/chats/{chatId}/messages/{messageId}", null),
			new Call("GET /api/chats/{chatId}/export", Scope.CHAT, "GET", "/api/chats/{chatId}/export?format=json",
					null),
			new Call("GET /api/chats/{chatId}/export", Scope.CHAT, "GET", "/api/chats/{chatId}/export?format=txt",
					null),
			new Call("GET /api/ws", Scope.SELF, "GET", "/api/ws", null));

	TestUser victim;

	TestUser friend;

	TestUser helper;

	TestUser attacker;

	TestUser attackerHelper;

	String victimLoggedOutToken;

	String victimPasswordChangedToken;

	String direct;

	String group;

	String leftGroup;

	String attackerOwnChat;

	List<String> victimMessageIds = new ArrayList<>();

	Map<String, String> before;

	final List<String> failures = new ArrayList<>();

	@BeforeEach
	void freshFailures() {
		failures.clear();
	}

	@BeforeAll
	void aVictimWithChatsAndAnAttackerWithLeakedIds() {
		victim = TestUser.signUp("victim");
		friend = TestUser.signUp("vfriend");
		helper = TestUser.signUp("vhelper");
		attacker = TestUser.signUp("attacker");
		attackerHelper = TestUser.signUp("ahelper");
		assertThat(CarrierApi.sendBytes("PUT", "/api/users/me/avatar", victim.token(), PNG, "image/png").status())
			.isEqualTo(200);

		direct = Chats.create(victim, List.of(friend.username()), null).get("id").asString();
		group = Chats.create(victim, List.of(friend.username(), helper.username()), "victim's group")
			.get("id")
			.asString();
		leftGroup = Chats.create(victim, List.of(friend.username(), attacker.username()), "attacker left")
			.get("id")
			.asString();
		attackerOwnChat = Chats.create(attacker, List.of(attackerHelper.username()), null).get("id").asString();
		victimMessageIds.add(Chats.send(victim, direct, SECRET + " direct").get("id").asString());
		Chats.send(friend, direct, SECRET + " reply");
		victimMessageIds.add(Chats.send(victim, group, SECRET + " group").get("id").asString());
		Chats.send(victim, leftGroup, SECRET + " before leaving");
		Chats.send(attacker, leftGroup, "attacker was here");
		assertThat(CarrierApi.delete("/api/chats/" + leftGroup + "/members/me", attacker.token()).status())
			.isEqualTo(204);
		victimMessageIds.add(Chats.send(victim, leftGroup, SECRET + " after leaving").get("id").asString());
		Chats.send(attackerHelper, attackerOwnChat, "attacker's own chat");

		// Dead tokens: one session logged out, one ended by a password change from
		// another session.
		victimLoggedOutToken = victim.loggedInAgain().token();
		assertThat(post("/api/auth/logout", victimLoggedOutToken, null).status()).isEqualTo(204);
		victimPasswordChangedToken = victim.loggedInAgain().token();
		var changed = CarrierApi.put("/api/users/me/password", victim.token(),
				Map.of("currentPassword", TestUser.PASSWORD, "newPassword", NEW_PASSWORD));
		assertThat(changed.status()).as(changed.toString()).isEqualTo(204);
		Awaitility.await("the other session ends")
			.atMost(Duration.ofSeconds(5))
			.until(() -> get("/api/users/me", victimPasswordChangedToken).status() == 401);
		before = victimView();
	}

	/** What the victim and its friend see; the attack must leave all of it as it was. */
	Map<String, String> victimView() {
		Map<String, String> view = new LinkedHashMap<>();
		view.put("victim profile", ok(get("/api/users/me", victim.token())));
		view.put("victim avatar",
				new String(Base64.getEncoder().encode(get("/api/users/" + victim.id() + "/avatar", null).bytes())));
		view.put("victim chats", ok(get("/api/chats", victim.token())));
		view.put("friend chats", ok(get("/api/chats", friend.token())));
		for (String chat : List.of(direct, group, leftGroup)) {
			view.put("chat " + chat, ok(get("/api/chats/" + chat, victim.token())));
			view.put("messages " + chat, ok(get("/api/chats/" + chat + "/messages", victim.token())));
		}
		return view;
	}

	private static String ok(Reply reply) {
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		return reply.text();
	}

	// ------------------------------------------------------------------ the table covers
	// the contract

	@Test
	void theTableCoversEveryRowOfTheContract() throws IOException {
		Set<String> rows = contractRows();
		Set<String> covered = CALLS.stream().map(Call::contract).collect(Collectors.toCollection(LinkedHashSet::new));
		assertThat(covered).as("calls tried by this test").containsAll(rows);
		assertThat(rows).as("rows of docs/api.md")
			.containsAll(covered.stream().filter(c -> !c.equals("GET /api/ws")).toList());
	}

	/** The first column of every table of docs/api.md, without query strings. */
	static Set<String> contractRows() throws IOException {
		Path contract = contractFile();
		Set<String> rows = new LinkedHashSet<>();
		Pattern row = Pattern.compile("^\\|\\s*`(GET|POST|PUT|PATCH|DELETE) ([^`?]+)");
		for (String line : Files.readAllLines(contract)) {
			Matcher match = row.matcher(line);
			if (match.find()) {
				rows.add(match.group(1) + " " + match.group(2).trim());
			}
		}
		assertThat(rows).as("rows found in " + contract).hasSizeGreaterThanOrEqualTo(19);
		return rows;
	}

	/**
	 * docs/api.md of the repository under test ({@link Servers#ROOT}); missing is a
	 * failure, never a skip.
	 */
	static Path contractFile() {
		Path contract = Servers.ROOT.resolve("docs/api.md");
		if (!Files.isRegularFile(contract)) {
			throw new AssertionError("the public API document " + contract + " is missing; it belongs in the "
					+ "repository (Servers.ROOT is " + Servers.ROOT
					+ ", set CARRIER_ROOT if that is not the repository root)");
		}
		return contract;
	}

	// ------------------------------------------------------------------ the attacks

	/**
	 * An identity the attacker presents: extra headers, a token (or none), a query
	 * string.
	 */
	record Disguise(String name, String token, Map<String, String> headers, String query) {
	}

	List<Disguise> deadOrForgedIdentities() {
		String victimId = victim.id();
		return List.of(new Disguise("victim token after logout", victimLoggedOutToken, Map.of(), ""),
				new Disguise("victim token after password change", victimPasswordChangedToken, Map.of(), ""),
				new Disguise("dead token + X-Carrier-User-Id", victimLoggedOutToken,
						Map.of("X-Carrier-User-Id", victimId), ""),
				new Disguise("no token, X-Carrier-User-Id", null, Map.of("X-Carrier-User-Id", victimId), ""),
				new Disguise("no token, X-User-Id", null, Map.of("X-User-Id", victimId), ""),
				new Disguise("no token, X-Forwarded-User", null, Map.of("X-Forwarded-User", victimId), ""),
				new Disguise("no token, X-Forwarded-For 127.0.0.1", null,
						Map.of("X-Forwarded-For", "127.0.0.1", "X-Real-IP", "127.0.0.1", "Forwarded", "for=127.0.0.1"),
						""),
				new Disguise("victim token in ?access_token", null, Map.of(), "access_token=" + victim.token()),
				new Disguise("victim token in ?token", null, Map.of(), "token=" + victim.token()), new Disguise(
						"victim token in ?authorization", null, Map.of(), "authorization=Bearer%20" + victim.token()));
	}

	List<Disguise> attackerIdentities() {
		String victimId = victim.id();
		String token = attacker.token();
		return List.of(new Disguise("attacker", token, Map.of(), ""),
				new Disguise("attacker + X-Carrier-User-Id", token, Map.of("X-Carrier-User-Id", victimId), ""),
				new Disguise("attacker + X-User-Id", token, Map.of("X-User-Id", victimId), ""),
				new Disguise("attacker + X-Forwarded-User", token, Map.of("X-Forwarded-User", victimId), ""),
				new Disguise("attacker + x-carrier-user-id (lower case)", token, Map.of("x-carrier-user-id", victimId),
						""),
				new Disguise("attacker + X-Forwarded-For spoofing", token, Map.of("X-Forwarded-For",
						"127.0.0.1, 10.0.0.1", "X-Real-IP", "127.0.0.1", "Forwarded", "for=127.0.0.1"), ""));
	}

	/**
	 * The ids the attacker tries: leaked (seen by the victim), guessed, and of a group it
	 * left.
	 */
	List<String[]> targetIds() {
		List<String[]> ids = new ArrayList<>();
		ids.add(new String[] { "leaked direct chat", direct, victimMessageIds.get(0) });
		ids.add(new String[] { "leaked group chat", group, victimMessageIds.get(1) });
		ids.add(new String[] { "group it left", leftGroup, victimMessageIds.get(2) });
		ids.add(new String[] { "guessed ids", UUID.randomUUID().toString(), UUID.randomUUID().toString() });
		ids.add(new String[] { "victim's message through the attacker's own chat", attackerOwnChat,
				victimMessageIds.get(0) });
		return ids;
	}

	Reply call(Call call, Disguise who, String chatId, String messageId) {
		String path = call.path(chatId, messageId, victim.id());
		if (!who.query().isEmpty()) {
			path += (path.contains("?") ? "&" : "?") + who.query();
		}
		String body = call.body() == null ? null
				: call.body()
					.replace("%VICTIM_USERNAME%", victim.username())
					.replace("%VICTIM_EMAIL%", victim.email())
					.replace("%ATTACKER_USERNAME%", attacker.username())
					.replace("%HELPER_USERNAME%", attackerHelper.username())
					.replace("%FRESH_EMAIL%", "fresh_" + UUID.randomUUID() + "@example.test")
					.replace("%FRESH_ID%", UUID.randomUUID().toString());
		path = path.replace("%VICTIM_EMAIL%", victim.email());
		return CarrierApi.send(call.method(), path, who.token(), body, who.headers());
	}

	void expect(boolean condition, String what, Call call, Disguise who, Reply reply) {
		if (!condition) {
			failures.add(what + " <= " + who.name() + ": " + call.method() + " " + call.template() + "  ==> "
					+ reply.status() + " " + abbreviate(reply.text()));
		}
	}

	static String abbreviate(String text) {
		return text.length() <= 300 ? text : text.substring(0, 300) + "…";
	}

	@Test
	void deadForgedAndQueryStringTokensGet401OnEveryAuthenticatedCall() {
		for (Disguise who : deadOrForgedIdentities()) {
			for (Call call : CALLS) {
				if (call.scope() == Scope.PUBLIC || call.contract().equals("GET /api/ws")) {
					continue;
				}
				// Real ids of the victim, so that any bypass would land on the victim's
				// data.
				Reply reply = call(call, who, group, victimMessageIds.get(1));
				expect(reply.status() == 401, "want 401", call, who, reply);
				expect(ProblemCheck.problemFaults(reply).isEmpty(),
						"want a problem " + ProblemCheck.problemFaults(reply), call, who, reply);
				expect(!reply.text().contains(SECRET) && !reply.text().contains(victim.email()),
						"leaks the victim's data", call, who, reply);
			}
		}
		assertNothingOfTheVictimsChanged();
	}

	@Test
	void theAttackerGets404ForEveryChatCallOnLeakedGuessedAndLeftIds() {
		for (Disguise who : attackerIdentities()) {
			for (String[] target : targetIds()) {
				for (Call call : CALLS) {
					if (call.scope() != Scope.CHAT && call.scope() != Scope.MESSAGE) {
						continue;
					}
					if (target[1].equals(attackerOwnChat) && call.scope() != Scope.MESSAGE) {
						continue; // its own chat is its own business; only the victim's
									// message id is foreign there
					}
					Reply reply = call(call, who, target[1], target[2]);
					Disguise labelled = new Disguise(who.name() + " / " + target[0], who.token(), who.headers(),
							who.query());
					expect(reply.status() == 404, "want 404", call, labelled, reply);
					expect(ProblemCheck.problemFaults(reply).isEmpty(),
							"want a problem " + ProblemCheck.problemFaults(reply), call, labelled, reply);
					expect(!reply.text().contains(SECRET), "leaks the victim's messages", call, labelled, reply);
				}
			}
		}
		assertNothingOfTheVictimsChanged();
		assertThat(get("/api/chats", attacker.token()).text()).doesNotContain(direct)
			.doesNotContain(group)
			.doesNotContain(leftGroup);
	}

	@Test
	void forgedIdentityHeadersActOnTheCallerOnlyForEveryAccountCall() {
		TestUser spare = attacker.loggedInAgain();
		for (Disguise who : attackerIdentities()) {
			Disguise onSpare = new Disguise(who.name(), spare.token(), who.headers(), who.query());
			for (Call call : CALLS) {
				if (call.scope() != Scope.SELF && call.scope() != Scope.PUBLIC || call.contract().equals("GET /api/ws")
						|| call.contract().equals("POST /api/auth/logout")) {
					continue;
				}
				Reply reply = call(call, onSpare, attackerOwnChat, "none");
				String text = reply.text();
				expect(!text.contains(victim.email()), "shows the victim's email", call, onSpare, reply);
				expect(reply.status() < 500, "5xx", call, onSpare, reply);
				switch (call.contract()) {
					case "GET /api/users/me" -> expect(
							reply.status() == 200
									&& reply.json().get("user").get("id").asString().equals(attacker.id()),
							"want the caller's own profile", call, onSpare, reply);
					case "PATCH /api/users/me" ->
						expect(reply.status() == 409, "want 409 (the victim's name is taken)", call, onSpare, reply);
					// 403 wrong-password (the attacker does not know the victim's), 429
					// once the attacker's
					// account has run out of tries: refused either way
					case "PUT /api/users/me/password" -> expect(
							reply.status() == 403 || reply.status() == 400 || reply.status() == 401
									|| reply.status() == 429,
							"the victim's password must not change the attacker's", call, onSpare, reply);
					case "PUT /api/users/me/avatar" -> expect(
							reply.status() == 200
									&& reply.json().get("user").get("id").asString().equals(attacker.id()),
							"want the caller's own avatar changed", call, onSpare, reply);
					case "GET /api/users/lookup" -> expect(
							reply.status() == 200 && (reply.json().path("user").path("email").isMissingNode()
									|| reply.json().path("user").path("email").isNull()),
							"lookup of another user must not show the email", call, onSpare, reply);
					case "POST /api/chats" -> expect(
							(reply.status() == 201 || reply.status() == 409) && !text.contains(victim.id())
									&& text.contains(attacker.id()),
							"want a chat of the caller, never of the victim", call, onSpare, reply);
					case "GET /api/chats" ->
						expect(reply.status() == 200 && !text.contains(direct) && !text.contains(group)
								&& !text.contains(leftGroup), "want only the caller's chats", call, onSpare, reply);
					// 429: the gateway limits signups and logins per name, and these all
					// name the victim.
					case "POST /api/auth/signup" -> expect(reply.status() == 409 || reply.status() == 429,
							"want 409 (taken)", call, onSpare, reply);
					case "POST /api/auth/login" ->
						expect(reply.status() == 401 || reply.status() == 429, "want 401", call, onSpare, reply);
					case "GET /api/users/{id}/avatar" ->
						expect(reply.status() == 200, "the avatar is public", call, onSpare, reply);
					default -> throw new IllegalStateException("no expectation for " + call.contract());
				}
			}
			// Logout with a forged identity ends the caller's session, never the
			// victim's.
			// A fresh account per disguise: the gateway limits logins per name (5 a
			// minute after a burst).
			TestUser session = TestUser.signUp("logout");
			Reply logout = CarrierApi.send("POST", "/api/auth/logout", session.token(), null, who.headers());
			expect(logout.status() == 204, "want the caller logged out", CALLS.get(2), who, logout);
			expect(get("/api/users/me", victim.token()).status() == 200, "the victim was logged out", CALLS.get(2), who,
					logout);
		}
		// Login never yields a session of someone else, whatever the headers say.
		Reply login = CarrierApi.send("POST", "/api/auth/login", null,
				Map.of("login", attackerHelper.username(), "password", TestUser.PASSWORD),
				Map.of("X-Carrier-User-Id", victim.id()));
		assertThat(login.status()).as(login.toString()).isEqualTo(200);
		assertThat(login.json().get("user").get("id").asString()).isEqualTo(attackerHelper.id());
		assertThat(get("/api/users/" + UUID.randomUUID() + "/avatar", null).status()).isEqualTo(404);
		assertThat(failures).as("forged identities").isEmpty();
		assertNothingOfTheVictimsChanged();
		assertThat(TestUser.logIn(victim.username(), victim.email(), NEW_PASSWORD).id()).isEqualTo(victim.id());
	}

	@Test
	void theWebSocketRefusesDeadAndQueryStringTokensAndKeepsForeignChatsSilent() throws Exception {
		assertThat(EventSocket.closeCodeFor(victimLoggedOutToken)).isEqualTo(4401);
		assertThat(EventSocket.closeCodeFor(victimPasswordChangedToken)).isEqualTo(4401);
		// A token in the query string is not a way in: no "ready", nothing delivered.
		QuerySocket byQuery = QuerySocket.open("?token=" + victim.token() + "&access_token=" + victim.token());
		try (EventSocket attackerLive = EventSocket.connect(attacker.token());
				EventSocket victimLive = EventSocket.connect(victim.token())) {
			attackerLive.send("{\"type\":\"typing\",\"chatId\":\"" + group + "\"}");
			attackerLive.send("{\"type\":\"typing\",\"chatId\":\"" + leftGroup + "\"}");
			Chats.send(victim, group, SECRET + " live");
			Chats.send(victim, leftGroup, SECRET + " live after leaving");
			victimLive.await("the victim's own message", e -> e.toString().contains(SECRET + " live after leaving"));
			Awaitility.await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> true);
			attackerLive.assertNothingMentions(group);
			attackerLive.assertNothingMentions(leftGroup);
			assertThat(victimLive.events("typing")).noneMatch(e -> attacker.id().equals(e.path("userId").asString()));
		}
		assertThat(byQuery.readyOrEvents()).as("frames on a socket authenticated only by the query string")
			.noneMatch(frame -> frame.contains("ready") || frame.contains(SECRET) || frame.contains("message.created"));
		byQuery.abort();
		// The victim's own messages are the only change; the other tests compare against
		// this.
		before = victimView();
	}

	void assertNothingOfTheVictimsChanged() {
		assertThat(failures).as("attacks that were not refused as the contract says").isEmpty();
		assertThat(victimView()).as("what the victim and its friend see").isEqualTo(before);
		for (String chat : List.of(direct, group)) {
			String members = get("/api/chats/" + chat, victim.token()).text();
			assertThat(members).doesNotContain(attacker.id());
		}
	}

	// ------------------------------------------------------------------ headers and CORS

	@Test
	void everyResponseCarriesSecurityHeaders() {
		List<Reply> replies = new ArrayList<>();
		TestUser spare = attacker.loggedInAgain();
		for (Call call : CALLS) {
			if (call.contract().equals("POST /api/auth/logout")) {
				continue; // below, last, so that the spare session lives through the loop
			}
			// Successes (the victim reading), refusals (the attacker on the victim's
			// chat) and 401s.
			if (call.method().equals("GET")) {
				replies.add(call(call, new Disguise("victim", victim.token(), Map.of(), ""), group,
						victimMessageIds.get(1)));
			}
			replies
				.add(call(call, new Disguise("attacker", spare.token(), Map.of(), ""), group, victimMessageIds.get(1)));
			replies.add(call(call, new Disguise("nobody", null, Map.of(), ""), group, victimMessageIds.get(1)));
		}
		replies.add(post("/api/auth/logout", spare.token(), null));
		replies.add(post("/api/auth/logout", spare.token(), null));
		replies.add(get("/", null));
		replies.add(get("/api/nope", attacker.token()));
		replies.add(post("/api/chats", attacker.token(), "{"));
		List<String> missing = new ArrayList<>();
		for (Reply reply : replies) {
			String frameOptions = reply.header("X-Frame-Options");
			String csp = reply.header("Content-Security-Policy");
			if (!"nosniff".equalsIgnoreCase(reply.header("X-Content-Type-Options"))) {
				missing.add("X-Content-Type-Options: nosniff on " + reply.status() + " " + abbreviate(reply.text()));
			}
			if (frameOptions == null && (csp == null || !csp.contains("frame-ancestors"))) {
				missing.add(
						"X-Frame-Options or CSP frame-ancestors on " + reply.status() + " " + abbreviate(reply.text()));
			}
			if (reply.header("Referrer-Policy") == null) {
				missing.add("Referrer-Policy on " + reply.status() + " " + abbreviate(reply.text()));
			}
		}
		assertThat(missing).as("security headers missing on %d of %d responses", missing.size(), replies.size())
			.isEmpty();
	}

	@Test
	void corsIsClosedToOtherOrigins() {
		List<String> open = new ArrayList<>();
		for (String path : List.of("/api/chats", "/api/auth/login", "/api/users/me",
				"/api/chats/" + group + "/messages")) {
			Reply preflight = CarrierApi.send("OPTIONS", path, null, null,
					Map.of("Origin", "https://evil.example", "Access-Control-Request-Method", "POST",
							"Access-Control-Request-Headers", "authorization,content-type"));
			if (preflight.header("Access-Control-Allow-Origin") != null
					|| preflight.header("Access-Control-Allow-Credentials") != null) {
				open.add("preflight " + path + " -> " + preflight.status() + " ACAO="
						+ preflight.header("Access-Control-Allow-Origin"));
			}
			Reply actual = CarrierApi.send("GET", path, victim.token(), null, Map.of("Origin", "https://evil.example"));
			if (actual.header("Access-Control-Allow-Origin") != null) {
				open.add("GET " + path + " -> " + actual.status() + " ACAO="
						+ actual.header("Access-Control-Allow-Origin"));
			}
			assertThat(actual.text()).doesNotContain(SECRET);
		}
		Reply login = CarrierApi.send("POST", "/api/auth/login", null,
				Map.of("login", friend.username(), "password", TestUser.PASSWORD),
				Map.of("Origin", "https://evil.example"));
		if (login.header("Access-Control-Allow-Origin") != null) {
			open.add("POST /api/auth/login -> " + login.status() + " ACAO="
					+ login.header("Access-Control-Allow-Origin"));
		}
		assertThat(open).as("CORS answers to https://evil.example").isEmpty();
	}

	/**
	 * A WebSocket opened with a token only in its query string; records anything the
	 * server sends.
	 */
	static final class QuerySocket implements WebSocket.Listener {

		private final List<String> frames = new java.util.concurrent.CopyOnWriteArrayList<>();

		private final CompletableFuture<Integer> closed = new CompletableFuture<>();

		private WebSocket socket;

		static QuerySocket open(String query) {
			QuerySocket listener = new QuerySocket();
			URI uri = URI.create(CarrierApi.BASE.toString().replaceFirst("^http", "ws") + "/api/ws" + query);
			try {
				listener.socket = HttpClient.newHttpClient()
					.newWebSocketBuilder()
					.connectTimeout(Duration.ofSeconds(5))
					.buildAsync(uri, listener)
					.get(10, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				// Refusing the upgrade is fine too.
				listener.closed.complete(-1);
			}
			return listener;
		}

		@Override
		public void onOpen(WebSocket webSocket) {
			webSocket.request(Long.MAX_VALUE);
		}

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			frames.add(data.toString());
			return null;
		}

		@Override
		public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			closed.complete(statusCode);
			return null;
		}

		List<String> readyOrEvents() {
			return frames;
		}

		void abort() {
			if (socket != null) {
				socket.abort();
			}
		}

	}

}
