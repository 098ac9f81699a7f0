package dev.carrier.e2e.messages;

import static dev.carrier.e2e.support.CarrierApi.get;
import static dev.carrier.e2e.support.CarrierApi.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import dev.carrier.e2e.support.CarrierApi;
import dev.carrier.e2e.support.Chats;
import dev.carrier.e2e.support.EventSocket;
import dev.carrier.e2e.support.TestUser;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Sending over the socket, through the gateway as the web app does: the answer says the
 * message is durable, the other members get it live, history has it once however often it
 * is sent, and a stranger's send is refused and reaches no one.
 */
class SendsOverTheSocketEndToEndTests {

	@Test
	void aSendOverTheSocketIsAnsweredDeliveredAndStoredOnce() {
		TestUser ann = TestUser.signUp("ann");
		TestUser ben = TestUser.signUp("ben");
		String chatId = Chats.create(ann, List.of(ben.username()), null).get("id").asString();
		try (EventSocket annSocket = EventSocket.connect(ann.token());
				EventSocket benSocket = EventSocket.connect(ben.token())) {
			String clientMessageId = UUID.randomUUID().toString();
			annSocket.send(frame(chatId, clientMessageId, "over the socket"));

			JsonNode sent = annSocket.await("ann's answer", answerTo(clientMessageId));
			assertThat(sent.path("type").asString()).as(sent.toString()).isEqualTo("sent");
			JsonNode message = sent.path("message");
			JsonNode delivered = benSocket.await("ben's message.created",
					e -> "message.created".equals(e.path("type").asString())
							&& message.path("id").equals(e.path("message").path("id")));
			assertThat(delivered.path("message")).isEqualTo(message);

			// sent again, over the socket and by POST: the same message, stored once
			annSocket.send(frame(chatId, clientMessageId, "over the socket"));
			Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> annSocket.events("sent").size() == 2);
			assertThat(annSocket.events("sent").get(1).path("message").path("id")).isEqualTo(message.path("id"));
			CarrierApi.Reply posted = post("/api/chats/" + chatId + "/messages", ann.token(),
					Map.of("text", "over the socket", "clientMessageId", clientMessageId));
			assertThat(posted.json().path("message").path("id")).isEqualTo(message.path("id"));
			JsonNode history = get("/api/chats/" + chatId + "/messages", ben.token()).json();
			assertThat(history).hasSize(1);
			assertThat(history.get(0).path("id")).isEqualTo(message.path("id"));
		}
	}

	@Test
	void aStrangersSendIsNotFoundAndReachesNoOne() {
		TestUser ann = TestUser.signUp("ann");
		TestUser ben = TestUser.signUp("ben");
		TestUser eve = TestUser.signUp("eve");
		String chatId = Chats.create(ann, List.of(ben.username()), null).get("id").asString();
		try (EventSocket eveSocket = EventSocket.connect(eve.token());
				EventSocket benSocket = EventSocket.connect(ben.token())) {
			String clientMessageId = UUID.randomUUID().toString();
			eveSocket.send(frame(chatId, clientMessageId, "let me in"));

			JsonNode failed = eveSocket.await("eve's answer", answerTo(clientMessageId));
			assertThat(failed.path("type").asString()).isEqualTo("send.failed");
			JsonNode problem = failed.path("problem");
			JsonNode viaPost = post("/api/chats/" + chatId + "/messages", eve.token(),
					Map.of("text", "let me in", "clientMessageId", UUID.randomUUID().toString()))
				.json();
			for (String field : List.of("type", "title", "status", "detail")) {
				assertThat(problem.path(field)).as(field).isEqualTo(viaPost.path(field));
			}
			assertThat(problem.path("status").asInt()).isEqualTo(404);
			Chats.send(ann, chatId, "members only");
			benSocket.await("ben's message", e -> e.toString().contains("members only"));
			assertThat(benSocket.events("message.created")).hasSize(1);
			assertThat(get("/api/chats/" + chatId + "/messages", ann.token()).json()).hasSize(1);
			assertThat(eveSocket.closeCode()).isEqualTo(-1);
		}
	}

	private static Predicate<JsonNode> answerTo(String clientMessageId) {
		return e -> List.of("sent", "send.failed").contains(e.path("type").asString())
				&& clientMessageId.equals(e.path("clientMessageId").asString());
	}

	private static String frame(String chatId, String clientMessageId, String text) {
		Map<String, Object> frame = new LinkedHashMap<>();
		frame.put("type", "send");
		frame.put("chatId", chatId);
		frame.put("clientMessageId", clientMessageId);
		frame.put("text", text);
		return CarrierApi.JSON.writeValueAsString(frame);
	}

}
