package dev.carrier.e2e.messages;

import static dev.carrier.e2e.support.CarrierApi.get;
import static dev.carrier.e2e.support.CarrierApi.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.carrier.e2e.support.CarrierApi;
import dev.carrier.e2e.support.CarrierApi.Reply;
import dev.carrier.e2e.support.Chats;
import dev.carrier.e2e.support.EventSocket;
import dev.carrier.e2e.support.ProblemCheck;
import dev.carrier.e2e.support.Servers;
import dev.carrier.e2e.support.TestUser;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * docs/api.md "Messages": replies and emoji reactions (issue 18), through the gateway,
 * live, and through the whole cache lifecycle: flushed to MySQL, evicted, and back
 * exactly once after the next login.
 */
class RepliesAndReactionsEndToEndTests {

	private static final Duration LOGOUT_GRACE = CarrierApi.envDuration("CARRIER_CHAT_LOGOUT_GRACE", "30s");

	@Test
	void repliesAndReactionsAreLiveAndComeBackExactlyOnceAfterFlushEvictionAndLogin() {
		TestUser ida = TestUser.signUp("ida");
		TestUser jon = TestUser.signUp("jon");
		String chatId = Chats.create(ida, List.of(jon.username()), null).get("id").asString();
		String question = Chats.send(ida, chatId, "Who's there?").get("id").asString();
		String cheer = Chats.send(ida, chatId, "Long live the king!").get("id").asString();

		JsonNode answer;
		try (EventSocket idasScreen = EventSocket.connect(ida.token())) {
			Reply replied = reply(jon, chatId, "Nay, answer me", question, "c-1");
			assertThat(replied.status()).as(replied.toString()).isEqualTo(201);
			answer = replied.json().get("message");
			assertThat(answer.get("replyTo").get("id").asString()).isEqualTo(question);
			assertThat(answer.get("replyTo").get("excerpt").asString()).isEqualTo("Who's there?");
			assertThat(answer.get("replyTo").get("senderId").asString()).isEqualTo(ida.id());

			assertThat(react("PUT", ida, chatId, cheer, "👍").status()).isEqualTo(204);
			assertThat(react("PUT", jon, chatId, cheer, "👍").status()).isEqualTo(204);
			assertThat(react("PUT", jon, chatId, cheer, "❤️").status()).isEqualTo(204);
			JsonNode pushed = idasScreen.await("ida sees both reactions of jon",
					(event) -> "message.updated".equals(event.path("type").asString())
							&& event.path("message").path("reactions").size() == 2);
			assertThat(pushed.get("message").get("reactions").get(0).get("count").asInt()).isEqualTo(2);
		}
		assertThat(CarrierApi
			.patch("/api/chats/" + chatId + "/messages/" + question, ida.token(), Map.of("text", "Who is there?"))
			.status()).isEqualTo(200);
		List<JsonNode> before = Chats.pageBackToTheFirst(jon, chatId, 2);
		assertThat(before.get(2).get("replyTo").get("excerpt").asString()).isEqualTo("Who is there?");

		assertThat(post("/api/auth/logout", ida.token(), null).status()).isEqualTo(204);
		assertThat(post("/api/auth/logout", jon.token(), null).status()).isEqualTo(204);
		Awaitility.await("the chat is flushed and evicted")
			.atMost(LOGOUT_GRACE.plusSeconds(10))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> !Servers.redisHasKey("carrier:chat:chat:" + chatId)
					&& !Servers.redisHasKey("carrier:chat:messages:" + chatId));
		Awaitility.await("MySQL holds the reactions")
			.atMost(Duration.ofSeconds(30))
			.until(() -> Servers.mysqlStrings(
					"select emoji from message_reactions where message_id = ? and present order by changed_at", cheer),
					(emoji) -> emoji.size() == 3);

		TestUser jonAgain = jon.loggedInAgain();
		List<JsonNode> after = Chats.pageBackToTheFirst(jonAgain, chatId, 2);
		Set<String> ids = new HashSet<>();
		after.forEach((message) -> assertThat(ids.add(message.get("id").asString())).as("served once").isTrue());
		assertThat(after).isEqualTo(before);
		JsonNode reactions = after.get(1).get("reactions");
		assertThat(reactions).hasSize(2);
		assertThat(reactions.get(0).get("emoji").asString()).isEqualTo("👍");
		assertThat(reactions.get(0).get("userIds").get(0).asString()).isEqualTo(ida.id());
		assertThat(reactions.get(0).get("userIds").get(1).asString()).isEqualTo(jon.id());
		assertThat(reactions.get(1).get("emoji").asString()).isEqualTo("❤️");
		assertThat(reactions.get(1).get("count").asInt()).isEqualTo(1);

		// the reloaded chat takes further changes, and a deleted original shows in its
		// reply
		assertThat(react("DELETE", jonAgain, chatId, cheer, "❤️").status()).isEqualTo(204);
		TestUser idaAgain = ida.loggedInAgain();
		assertThat(CarrierApi.delete("/api/chats/" + chatId + "/messages/" + question, idaAgain.token()).status())
			.isEqualTo(204);
		List<JsonNode> now = Chats.pageBackToTheFirst(jonAgain, chatId, 2);
		assertThat(now.get(1).get("reactions")).hasSize(1);
		assertThat(now.get(2).get("replyTo").get("deleted").asBoolean()).isTrue();
		assertThat(now.get(2).get("replyTo").get("excerpt").asString()).isEmpty();
	}

	@Test
	void aMentionNamesTheMemberByIdCountsInTheirChatListUntilReadAndSurvivesARename() {
		TestUser ida = TestUser.signUp("ida");
		TestUser jon = TestUser.signUp("jon");
		TestUser eve = TestUser.signUp("eve");
		String chatId = Chats.create(ida, List.of(jon.username()), "Battlements").get("id").asString();
		JsonNode mention = Chats.send(ida, chatId, "@" + jon.username() + ", not @" + eve.username() + ": look!");
		assertThat(mention.get("mentions")).extracting(JsonNode::asString).containsExactly(jon.id());
		Chats.send(ida, chatId, "and again, nobody named");

		assertThat(chatRow(jon, chatId).get("mentions").asLong()).isEqualTo(1);
		assertThat(chatRow(jon, chatId).get("unread").asLong()).isEqualTo(2);
		assertThat(chatRow(ida, chatId).get("mentions").asLong()).isZero();

		String renamed = "j" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(CarrierApi.patch("/api/users/me", jon.token(), Map.of("username", renamed)).status()).isEqualTo(200);
		JsonNode afterRename = get("/api/chats/" + chatId + "/messages", ida.token()).json().get(0);
		assertThat(afterRename.get("mentions")).extracting(JsonNode::asString).containsExactly(jon.id());
		assertThat(Chats.send(ida, chatId, "hi @" + renamed).get("mentions")).extracting(JsonNode::asString)
			.containsExactly(jon.id());

		assertThat(post("/api/chats/" + chatId + "/read", jon.token(), Map.of("seq", 3)).status()).isEqualTo(204);
		assertThat(chatRow(jon, chatId).get("mentions").asLong()).isZero();
	}

	@Test
	void retriesAreIdempotentStrangersGet404AndBadInputIsA400Problem() {
		TestUser ida = TestUser.signUp("ida");
		TestUser jon = TestUser.signUp("jon");
		TestUser eve = TestUser.signUp("eve");
		String chatId = Chats.create(ida, List.of(jon.username()), null).get("id").asString();
		String evesChat = Chats.create(eve, List.of(ida.username()), null).get("id").asString();
		String elsewhere = Chats.send(eve, evesChat, "elsewhere").get("id").asString();
		String original = Chats.send(ida, chatId, "original").get("id").asString();

		Reply first = reply(jon, chatId, "answer", original, "retry-me");
		Reply retry = reply(jon, chatId, "answer", original, "retry-me");
		assertThat(retry.json().get("message")).isEqualTo(first.json().get("message"));
		assertThat(react("PUT", jon, chatId, original, "🎉").status()).isEqualTo(204);
		assertThat(react("PUT", jon, chatId, original, "🎉").status()).isEqualTo(204);

		for (Reply refused : List.of(react("PUT", eve, chatId, original, "👍"),
				react("DELETE", eve, chatId, original, "🎉"), reply(eve, chatId, "sneaky", original, "e-1"),
				react("PUT", jon, chatId, UUID.randomUUID().toString(), "👍"),
				react("PUT", jon, chatId, elsewhere, "👍"))) {
			assertThat(refused.status()).as(refused.toString()).isEqualTo(404);
			assertThat(ProblemCheck.problemFaults(refused)).as(refused.toString()).isEmpty();
		}
		for (Reply refused : List.of(react("PUT", jon, chatId, original, "ok"),
				react("PUT", jon, chatId, original, "👍👍"), reply(jon, chatId, "x", elsewhere, "j-2"),
				reply(jon, chatId, "x", "not-an-id", "j-3"))) {
			assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
			assertThat(ProblemCheck.problemFaults(refused)).as(refused.toString()).isEmpty();
		}
		JsonNode history = get("/api/chats/" + chatId + "/messages", ida.token()).json();
		assertThat(history).hasSize(2);
		assertThat(history.get(0).get("reactions")).hasSize(1);
		assertThat(history.get(0).get("reactions").get(0).get("count").asInt()).isEqualTo(1);
		assertThat(history.get(0).get("reactions").get(0).get("userIds").get(0).asString()).isEqualTo(jon.id());
	}

	private static JsonNode chatRow(TestUser reader, String chatId) {
		for (JsonNode row : get("/api/chats", reader.token()).json()) {
			if (row.get("chat").get("id").asString().equals(chatId)) {
				return row;
			}
		}
		throw new AssertionError("chat " + chatId + " is not in the list of " + reader.username());
	}

	private static Reply reply(TestUser sender, String chatId, String text, String replyTo, String clientMessageId) {
		Map<String, Object> body = new HashMap<>();
		body.put("text", text);
		body.put("clientMessageId", clientMessageId);
		body.put("replyTo", replyTo);
		return post("/api/chats/" + chatId + "/messages", sender.token(), body);
	}

	private static Reply react(String method, TestUser user, String chatId, String messageId, String emoji) {
		String path = "/api/chats/" + chatId + "/messages/" + messageId + "/reactions/"
				+ URLEncoder.encode(emoji, StandardCharsets.UTF_8);
		return CarrierApi.send(method, path, user.token(), null, Map.of());
	}

}
