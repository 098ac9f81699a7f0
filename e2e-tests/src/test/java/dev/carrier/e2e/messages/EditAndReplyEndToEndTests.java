package dev.carrier.e2e.messages;

import static dev.carrier.e2e.support.CarrierApi.get;
import static dev.carrier.e2e.support.CarrierApi.patch;
import static dev.carrier.e2e.support.CarrierApi.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
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
 * docs/api.md "Messages": editing one's own message (issue 18), through the gateway,
 * live, in history and export, and through the whole cache lifecycle.
 */
class EditAndReplyEndToEndTests {

	private static final Duration LOGOUT_GRACE = CarrierApi.envDuration("CARRIER_CHAT_LOGOUT_GRACE", "30s");

	@Test
	void anEditIsLiveToTheOtherMemberAndInHistoryAndExport() {
		TestUser ida = TestUser.signUp("ida");
		TestUser jon = TestUser.signUp("jon");
		String chatId = Chats.create(ida, List.of(jon.username()), null).get("id").asString();
		JsonNode sent = Chats.send(ida, chatId, "see you at 5");
		assertThat(sent.get("editedAt").isNull()).isTrue();

		try (EventSocket jonsScreen = EventSocket.connect(jon.token())) {
			Reply reply = edit(ida, chatId, sent.get("id").asString(), "see you at 6");

			assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
			JsonNode edited = reply.json().get("message");
			assertThat(edited.get("text").asString()).isEqualTo("see you at 6");
			assertThat(edited.get("id").asString()).isEqualTo(sent.get("id").asString());
			assertThat(edited.get("seq").asLong()).isEqualTo(sent.get("seq").asLong());
			assertThat(Instant.parse(edited.get("editedAt").asString()))
				.isAfterOrEqualTo(Instant.parse(sent.get("sentAt").asString()));
			JsonNode pushed = jonsScreen.await("jon sees the edit",
					(event) -> "message.updated".equals(event.path("type").asString()));
			assertThat(pushed.get("message")).isEqualTo(edited);
			JsonNode history = get("/api/chats/" + chatId + "/messages", jon.token()).json();
			assertThat(history).containsExactly(edited);
			JsonNode export = get("/api/chats/" + chatId + "/export?format=json", jon.token()).json();
			assertThat(export.get(0).get("text").asString()).isEqualTo("see you at 6");
			assertThat(export.get(0).get("editedAt").asString()).isEqualTo(edited.get("editedAt").asString());
			assertThat(get("/api/chats/" + chatId + "/export?format=txt", jon.token()).text())
				.contains("see you at 6 (edited)")
				.doesNotContain("see you at 5");
		}
	}

	@Test
	void anEditedMessageComesBackEditedExactlyOnceAfterFlushEvictionAndLogin() {
		TestUser ida = TestUser.signUp("ida");
		TestUser jon = TestUser.signUp("jon");
		String chatId = Chats.create(ida, List.of(jon.username()), null).get("id").asString();
		for (int i = 1; i <= 6; i++) {
			Chats.send((i % 2 == 0) ? jon : ida, chatId, "line " + i);
		}
		JsonNode second = get("/api/chats/" + chatId + "/messages", ida.token()).json().get(1);
		JsonNode edited = edit(jon, chatId, second.get("id").asString(), "line 2, edited").json().get("message");

		assertThat(post("/api/auth/logout", ida.token(), null).status()).isEqualTo(204);
		assertThat(post("/api/auth/logout", jon.token(), null).status()).isEqualTo(204);
		Awaitility.await("the chat is flushed and evicted")
			.atMost(LOGOUT_GRACE.plusSeconds(10))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> !Servers.redisHasKey("carrier:chat:chat:" + chatId)
					&& !Servers.redisHasKey("carrier:chat:messages:" + chatId));
		// eviction waits for the messages, not for the edit: the reload's proof waits for
		// both
		Awaitility.await("MySQL holds the edit")
			.atMost(Duration.ofSeconds(30))
			.until(() -> Servers.mysqlStrings("select text from messages where id = ? and edited_at is not null",
					second.get("id").asString()), (texts) -> texts.equals(List.of("line 2, edited")));

		TestUser jonAgain = jon.loggedInAgain();
		List<JsonNode> history = Chats.pageBackToTheFirst(jonAgain, chatId, 4);
		Set<String> ids = new HashSet<>();
		history.forEach((message) -> assertThat(ids.add(message.get("id").asString())).as("served once").isTrue());
		assertThat(history).hasSize(6);
		assertThat(history.get(1)).isEqualTo(edited);
		history.stream()
			.filter((message) -> message != history.get(1))
			.forEach((message) -> assertThat(message.get("editedAt").isNull()).as(message.toString()).isTrue());
		assertThat(Chats.send(jonAgain, chatId, "after login").get("seq").asLong()).isEqualTo(7);
	}

	@Test
	void strangersOtherMembersAndUnknownMessagesGet404() {
		TestUser ida = TestUser.signUp("ida");
		TestUser jon = TestUser.signUp("jon");
		TestUser eve = TestUser.signUp("eve");
		String chatId = Chats.create(ida, List.of(jon.username()), null).get("id").asString();
		String idas = Chats.send(ida, chatId, "ida's own words").get("id").asString();
		String deleted = Chats.send(ida, chatId, "regret").get("id").asString();
		assertThat(CarrierApi.delete("/api/chats/" + chatId + "/messages/" + deleted, ida.token()).status())
			.isEqualTo(204);

		List<Reply> refused = List.of(edit(eve, chatId, idas, "eve was here"), edit(jon, chatId, idas, "jon was here"),
				edit(ida, chatId, deleted, "back from the dead"), edit(ida, chatId, UUID.randomUUID().toString(), "x"),
				edit(ida, UUID.randomUUID().toString(), idas, "x"), edit(ida, chatId, idas.toUpperCase(), "x"));

		for (Reply reply : refused) {
			assertThat(reply.status()).as(reply.toString()).isEqualTo(404);
			assertThat(ProblemCheck.problemFaults(reply)).as(reply.toString()).isEmpty();
			assertThat(reply.text()).doesNotContain("ida's own words");
		}
		JsonNode history = get("/api/chats/" + chatId + "/messages", jon.token()).json();
		assertThat(history.get(0).get("text").asString()).isEqualTo("ida's own words");
		assertThat(history.get(0).get("editedAt").isNull()).isTrue();
		assertThat(history.get(1).get("deleted").asBoolean()).isTrue();
	}

	@Test
	void aRetriedEditAnswersTheSameMessageAndStoresItOnce() {
		TestUser ida = TestUser.signUp("ida");
		TestUser jon = TestUser.signUp("jon");
		String chatId = Chats.create(ida, List.of(jon.username()), null).get("id").asString();
		String messageId = Chats.send(ida, chatId, "tpyo").get("id").asString();

		Reply first = edit(ida, chatId, messageId, "typo");
		Reply retry = edit(ida, chatId, messageId, "typo");

		assertThat(first.status()).isEqualTo(200);
		assertThat(retry.status()).isEqualTo(200);
		assertThat(retry.json().get("message")).isEqualTo(first.json().get("message"));
		assertThat(get("/api/chats/" + chatId + "/messages", jon.token()).json())
			.containsExactly(first.json().get("message"));
	}

	@Test
	void badEditsAre400ProblemsAndChangeNothing() {
		TestUser ida = TestUser.signUp("ida");
		TestUser jon = TestUser.signUp("jon");
		String chatId = Chats.create(ida, List.of(jon.username()), null).get("id").asString();
		String messageId = Chats.send(ida, chatId, "keep me").get("id").asString();
		String path = "/api/chats/" + chatId + "/messages/" + messageId;

		List<Reply> refused = List.of(edit(ida, chatId, messageId, "   "),
				edit(ida, chatId, messageId, "x".repeat(4001)), patch(path, ida.token(), Map.of()),
				patch(path, ida.token(), Map.of("text", 42)), patch(path, ida.token(), List.of("text")),
				CarrierApi.send("PATCH", path, ida.token(), "{\"text\": \"unterminated", Map.of()));

		for (Reply reply : refused) {
			assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
			assertThat(ProblemCheck.problemFaults(reply)).as(reply.toString()).isEmpty();
		}
		JsonNode kept = get("/api/chats/" + chatId + "/messages", ida.token()).json().get(0);
		assertThat(kept.get("text").asString()).isEqualTo("keep me");
		assertThat(kept.get("editedAt").isNull()).isTrue();
	}

	private static Reply edit(TestUser editor, String chatId, String messageId, String text) {
		return patch("/api/chats/" + chatId + "/messages/" + messageId, editor.token(), Map.of("text", text));
	}

}
