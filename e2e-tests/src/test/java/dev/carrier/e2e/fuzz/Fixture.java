package dev.carrier.e2e.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.carrier.e2e.support.CarrierApi;
import dev.carrier.e2e.support.Chats;
import dev.carrier.e2e.support.TestUser;

/**
 * The people and chats the fuzzing runs against: the fuzzer, in a direct chat with a peer
 * and a group with a third user, and a victim's chat with a friend that the fuzzer must
 * never reach.
 */
record Fixture(TestUser fuzzer, TestUser peer, TestUser third, TestUser victim, TestUser victimFriend, String direct,
		String group, String foreign, List<String> peerMessageIds, List<String> fuzzerMessageIds,
		List<String> foreignMessageIds) {

	static Fixture create() {
		TestUser fuzzer = TestUser.signUp("fuzz");
		TestUser peer = TestUser.signUp("fpeer");
		TestUser third = TestUser.signUp("fthird");
		TestUser victim = TestUser.signUp("fvictim");
		TestUser victimFriend = TestUser.signUp("ffriend");
		String direct = Chats.create(fuzzer, List.of(peer.username()), null).get("id").asString();
		String group = Chats.create(fuzzer, List.of(peer.username(), third.email()), "fuzz group").get("id").asString();
		String foreign = Chats.create(victim, List.of(victimFriend.username()), null).get("id").asString();
		List<String> peerMessages = new ArrayList<>();
		List<String> fuzzerMessages = new ArrayList<>();
		List<String> foreignMessages = new ArrayList<>();
		fuzzerMessages.add(Chats.send(fuzzer, direct, "hello peer").get("id").asString());
		peerMessages.add(Chats.send(peer, direct, "hello fuzzer").get("id").asString());
		peerMessages.add(Chats.send(peer, direct, "unread one").get("id").asString());
		peerMessages.add(Chats.send(third, group, "group hello").get("id").asString());
		fuzzerMessages.add(Chats.send(fuzzer, group, "group answer").get("id").asString());
		foreignMessages.add(Chats.send(victim, foreign, "private").get("id").asString());
		foreignMessages.add(Chats.send(victimFriend, foreign, "private too").get("id").asString());
		return new Fixture(fuzzer, peer, third, victim, victimFriend, direct, group, foreign, peerMessages,
				fuzzerMessages, foreignMessages);
	}

	String fuzzerToken() {
		return fuzzer.token();
	}

	/**
	 * Everything the fuzzing must not change, as the people involved see it.
	 * @param replay how to replay the run, appended to an assertion message
	 */
	Map<String, String> snapshot(String replay) {
		Map<String, String> seen = new LinkedHashMap<>();
		seen.put("fuzzer profile", body(CarrierApi.get("/api/users/me", fuzzer.token()), replay));
		seen.put("peer profile", body(CarrierApi.get("/api/users/me", peer.token()), replay));
		seen.put("fuzzer avatar",
				String.valueOf(CarrierApi.get("/api/users/" + fuzzer.id() + "/avatar", null).status()));
		seen.put("fuzzer chats", body(CarrierApi.get("/api/chats", fuzzer.token()), replay));
		seen.put("peer chats", body(CarrierApi.get("/api/chats", peer.token()), replay));
		seen.put("victim chats", body(CarrierApi.get("/api/chats", victim.token()), replay));
		for (var chat : List.of(new Pair<>(direct, peer), new Pair<>(group, third), new Pair<>(foreign, victim))) {
			seen.put("messages of " + chat.first(),
					body(CarrierApi.get("/api/chats/" + chat.first() + "/messages", chat.second().token()), replay));
			seen.put("chat " + chat.first(),
					body(CarrierApi.get("/api/chats/" + chat.first(), chat.second().token()), replay));
		}
		return seen;
	}

	private static String body(CarrierApi.Reply reply, String replay) {
		assertThat(reply.status()).as(reply + replay).isEqualTo(200);
		return reply.text();
	}

}
