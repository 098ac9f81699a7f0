package dev.carrier.e2e;

import static dev.carrier.e2e.support.CarrierApi.delete;
import static dev.carrier.e2e.support.CarrierApi.get;
import static dev.carrier.e2e.support.CarrierApi.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import dev.carrier.e2e.support.CarrierApi;
import dev.carrier.e2e.support.Chats;
import dev.carrier.e2e.support.EventSocket;
import dev.carrier.e2e.support.TestUser;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * docs/api.md "Chats", "Messages" and "Real time", through the gateway of the running
 * system.
 */
class ChatsEndToEndTests {

	@Test
	void threeUsersTalkInADirectAndAGroupChatLive() {
		TestUser ann = TestUser.signUp("ann");
		TestUser ben = TestUser.signUp("ben");
		TestUser cat = TestUser.signUp("cat");
		try (EventSocket annLive = EventSocket.connect(ann.token());
				EventSocket benLive = EventSocket.connect(ben.token());
				EventSocket catLive = EventSocket.connect(cat.token())) {
			JsonNode direct = Chats.create(ann, List.of(ben.username()), null);
			assertThat(direct.get("type").asString()).isEqualTo("direct");
			var again = post("/api/chats", ben.token(), Map.of("members", List.of(ann.email())));
			assertThat(again.status()).isEqualTo(409);
			assertThat(again.json().get("chat").get("id").asString()).isEqualTo(direct.get("id").asString());

			JsonNode group = Chats.create(ann, List.of(ben.username(), cat.email()), "Weekend plans");
			assertThat(group.get("type").asString()).isEqualTo("group");
			assertThat(group.get("members")).hasSize(3);

			String directId = direct.get("id").asString();
			String groupId = group.get("id").asString();
			List<JsonNode> sent = new ArrayList<>();
			for (int i = 0; i < 5; i++) {
				sent.add(Chats.send(i % 2 == 0 ? ann : ben, directId, "direct " + i));
				sent.add(Chats.send(List.of(ann, ben, cat).get(i % 3), groupId, "group " + i));
			}

			for (EventSocket live : List.of(annLive, benLive)) {
				assertEachMessageOnceInOrder(live, directId, 5);
				assertEachMessageOnceInOrder(live, groupId, 5);
			}
			assertEachMessageOnceInOrder(catLive, groupId, 5);
			catLive.assertNothingMentions(directId);

			var list = get("/api/chats", cat.token());
			assertThat(list.status()).isEqualTo(200);
			assertThat(list.json()).hasSize(1);
			assertThat(list.json().get(0).get("lastMessage").get("text").asString()).isEqualTo("group 4");
		}
	}

	private static void assertEachMessageOnceInOrder(EventSocket live, String chatId, int count) {
		Awaitility.await("messages of " + chatId)
			.atMost(Duration.ofSeconds(10))
			.until(() -> messagesOf(live, chatId).size() >= count);
		List<Long> seqs = messagesOf(live, chatId).stream().map(m -> m.get("seq").asLong()).toList();
		assertThat(seqs).as("each message once, in seq order")
			.isEqualTo(IntStream.rangeClosed(1, count).mapToObj(Long::valueOf).toList());
	}

	private static List<JsonNode> messagesOf(EventSocket live, String chatId) {
		return live.events("message.created")
			.stream()
			.map(e -> e.get("message"))
			.filter(m -> m.get("chatId").asString().equals(chatId))
			.toList();
	}

	/**
	 * The web app opens a fresh WebSocket after every login and reload; each one must
	 * become ready through the gateway, whichever chat-service instance it lands on. (A
	 * token sent as the first frame was sometimes lost there, and the app then logged its
	 * user out.)
	 */
	@Test
	void everyWebSocketOpenedThroughTheGatewayBecomesReady() {
		TestUser user = TestUser.signUp("opener");
		for (int i = 0; i < 40; i++) {
			// connect() throws unless the server says "ready" on this socket.
			EventSocket.connect(user.token()).close();
		}
	}

	@Test
	void eachChatServiceInstanceDeliversWhatTheOtherAccepted() {
		TestUser sender = TestUser.signUp("sender");
		TestUser reader = TestUser.signUp("reader");
		String chatId = Chats.create(sender, List.of(reader.username()), null).get("id").asString();
		URI first = URI.create("ws://127.0.0.1:" + CarrierApi.env("CARRIER_CHAT_PORT", "8082") + "/api/ws");
		URI second = URI.create("ws://127.0.0.1:" + CarrierApi.env("CARRIER_CHAT_PORT_2", "8084") + "/api/ws");
		try (EventSocket onFirst = EventSocket.connect(first, reader.token());
				EventSocket onSecond = EventSocket.connect(second, reader.token())) {
			for (int i = 0; i < 10; i++) {
				Chats.send(sender, chatId, "hello " + i);
			}
			assertEachMessageOnceInOrder(onFirst, chatId, 10);
			assertEachMessageOnceInOrder(onSecond, chatId, 10);
		}
	}

	@Test
	void aStrangerGets404ForEveryChatCallAndNeverSeesTheChat() {
		TestUser owner = TestUser.signUp("owner");
		TestUser friend = TestUser.signUp("friend");
		TestUser stranger = TestUser.signUp("stranger");
		TestUser third = TestUser.signUp("third");
		try (EventSocket strangerLive = EventSocket.connect(stranger.token())) {
			String chatId = Chats.create(owner, List.of(friend.username(), third.username()), "Private")
				.get("id")
				.asString();
			JsonNode message = Chats.send(owner, chatId, "secret");
			String base = "/api/chats/" + chatId;
			String token = stranger.token();
			List<CarrierApi.Reply> replies = List.of(get(base, token), get(base + "/messages", token),
					get(base + "/messages?beforeSeq=2", token), get(base + "/export?format=json", token),
					post(base + "/messages", token,
							Map.of("text", "hi", "clientMessageId", UUID.randomUUID().toString())),
					post(base + "/members", token, Map.of("members", List.of(stranger.username()))),
					post(base + "/read", token, Map.of("seq", 1)), delete(base + "/members/me", token),
					delete(base + "/messages/" + message.get("id").asString(), token));
			for (CarrierApi.Reply reply : replies) {
				assertThat(reply.status()).as(reply.toString()).isEqualTo(404);
				assertThat(reply.text()).doesNotContain("secret");
			}
			strangerLive.send("{\"type\":\"typing\",\"chatId\":\"" + chatId + "\"}");
			Chats.send(friend, chatId, "still secret");
			assertThat(get("/api/chats", token).json()).isEmpty();
			Awaitility.await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> true);
			strangerLive.assertNothingMentions(chatId);
			assertThat(get(base + "/messages", friend.token()).json()).hasSize(2);
		}
	}

	@Test
	void aRetriedSendIsStoredOnce() {
		TestUser a = TestUser.signUp("retry");
		TestUser b = TestUser.signUp("retry");
		String chatId = Chats.create(a, List.of(b.username()), null).get("id").asString();
		String clientMessageId = UUID.randomUUID().toString();
		JsonNode first = Chats.send(a, chatId, "once", clientMessageId);
		JsonNode second = Chats.send(a, chatId, "once", clientMessageId);
		assertThat(second.get("id").asString()).isEqualTo(first.get("id").asString());
		assertThat(get("/api/chats/" + chatId + "/messages", a.token()).json()).hasSize(1);
	}

	@Test
	void tenThousandMessagesPageBackExactlyOnceInOrder() throws Exception {
		TestUser writer = TestUser.signUp("writer");
		TestUser other = TestUser.signUp("other");
		String chatId = Chats.create(writer, List.of(other.username()), null).get("id").asString();
		int total = 10_000;
		try (ExecutorService senders = Executors.newFixedThreadPool(8)) {
			List<Future<?>> sends = new ArrayList<>();
			for (int i = 0; i < total; i++) {
				int n = i;
				sends.add(senders.submit(() -> Chats.send(writer, chatId, "message " + n)));
			}
			for (Future<?> send : sends) {
				send.get();
			}
		}
		List<JsonNode> all = Chats.pageBackToTheFirst(other, chatId, 200);
		List<Long> seqs = all.stream().map(m -> m.get("seq").asLong()).toList();
		assertThat(seqs).hasSize(total);
		assertThat(seqs).isEqualTo(IntStream.rangeClosed(1, total).mapToObj(Long::valueOf).toList());
		Set<String> texts = new HashSet<>();
		all.forEach(m -> texts.add(m.get("text").asString()));
		assertThat(texts).hasSize(total);
	}

}
