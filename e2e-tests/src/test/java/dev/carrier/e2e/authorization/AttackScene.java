package dev.carrier.e2e.authorization;

import static dev.carrier.e2e.support.CarrierApi.get;
import static dev.carrier.e2e.support.CarrierApi.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.carrier.e2e.support.CarrierApi;
import dev.carrier.e2e.support.CarrierApi.Reply;
import dev.carrier.e2e.support.Chats;
import dev.carrier.e2e.support.TestUser;
import org.awaitility.Awaitility;

/**
 * A victim with an avatar, a direct chat, a group and a group the attacker left, all
 * holding the victim's secret; two dead sessions of the victim (one logged out, one ended
 * by a password change); and an attacker with a chat of its own and every id leaked.
 */
record AttackScene(TestUser victim, TestUser friend, TestUser helper, TestUser attacker, TestUser attackerHelper,
		String victimLoggedOutToken, String victimPasswordChangedToken, String direct, String group, String leftGroup,
		String attackerOwnChat, List<String> victimMessageIds, Map<String, String> victimAttachments) {

	/** In every message of the victim: no answer to the attacker may contain it. */
	static final String SECRET = "victim-secret-" + UUID.randomUUID();

	static final String NEW_PASSWORD = "victim changed passphrase";

	private static final byte[] PNG = Base64.getDecoder()
		.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

	static AttackScene create() {
		TestUser victim = TestUser.signUp("victim");
		TestUser friend = TestUser.signUp("vfriend");
		TestUser helper = TestUser.signUp("vhelper");
		TestUser attacker = TestUser.signUp("attacker");
		TestUser attackerHelper = TestUser.signUp("ahelper");
		List<String> victimMessageIds = new ArrayList<>();
		assertThat(CarrierApi.sendBytes("PUT", "/api/users/me/avatar", victim.token(), PNG, "image/png").status())
			.isEqualTo(200);

		String direct = Chats.create(victim, List.of(friend.username()), null).get("id").asString();
		String group = Chats.create(victim, List.of(friend.username(), helper.username()), "victim's group")
			.get("id")
			.asString();
		String leftGroup = Chats.create(victim, List.of(friend.username(), attacker.username()), "attacker left")
			.get("id")
			.asString();
		String attackerOwnChat = Chats.create(attacker, List.of(attackerHelper.username()), null).get("id").asString();
		victimMessageIds.add(Chats.send(victim, direct, SECRET + " direct").get("id").asString());
		Chats.send(friend, direct, SECRET + " reply");
		victimMessageIds.add(Chats.send(victim, group, SECRET + " group").get("id").asString());
		Chats.send(victim, leftGroup, SECRET + " before leaving");
		Chats.send(attacker, leftGroup, "attacker was here");
		assertThat(CarrierApi.delete("/api/chats/" + leftGroup + "/members/me", attacker.token()).status())
			.isEqualTo(204);
		victimMessageIds.add(Chats.send(victim, leftGroup, SECRET + " after leaving").get("id").asString());
		Chats.send(attackerHelper, attackerOwnChat, "attacker's own chat");
		// An image the victim sent in each chat (its bytes hold the secret after the
		// image's end)
		Map<String, String> victimAttachments = new LinkedHashMap<>();
		for (String chat : List.of(direct, group, leftGroup)) {
			victimAttachments.put(chat, sendImage(victim, chat));
		}

		// Dead tokens: one session logged out, one ended by a password change from
		// another session.
		String victimLoggedOutToken = victim.loggedInAgain().token();
		assertThat(post("/api/auth/logout", victimLoggedOutToken, null).status()).isEqualTo(204);
		String victimPasswordChangedToken = victim.loggedInAgain().token();
		var changed = CarrierApi.put("/api/users/me/password", victim.token(),
				Map.of("currentPassword", TestUser.PASSWORD, "newPassword", NEW_PASSWORD));
		assertThat(changed.status()).as(changed.toString()).isEqualTo(204);
		Awaitility.await("the other session ends")
			.atMost(Duration.ofSeconds(5))
			.until(() -> get("/api/users/me", victimPasswordChangedToken).status() == 401);
		return new AttackScene(victim, friend, helper, attacker, attackerHelper, victimLoggedOutToken,
				victimPasswordChangedToken, direct, group, leftGroup, attackerOwnChat, victimMessageIds,
				victimAttachments);
	}

	private static String sendImage(TestUser sender, String chatId) {
		byte[] secret = (" " + SECRET).getBytes(java.nio.charset.StandardCharsets.UTF_8);
		byte[] image = java.util.Arrays.copyOf(PNG, PNG.length + secret.length);
		System.arraycopy(secret, 0, image, PNG.length, secret.length);
		Reply upload = CarrierApi.sendBytes("POST", "/api/chats/" + chatId + "/attachments?name=secret.png",
				sender.token(), image, "image/png");
		assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
		String attachmentId = upload.json().get("attachment").get("id").asString();
		Reply sent = CarrierApi.post("/api/chats/" + chatId + "/messages", sender.token(),
				Map.of("clientMessageId", UUID.randomUUID().toString(), "attachmentIds", List.of(attachmentId)));
		assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
		return attachmentId;
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

	/**
	 * Makes one call of the table as {@code who} on these ids, with the table's
	 * placeholders filled in for this scene.
	 */
	Reply call(ContractCall call, Disguise who, String chatId, String messageId) {
		String path = call.path(chatId, messageId, victim.id())
			.replace("{attachmentId}", victimAttachments.getOrDefault(chatId, victimAttachments.get(direct)));
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

}
