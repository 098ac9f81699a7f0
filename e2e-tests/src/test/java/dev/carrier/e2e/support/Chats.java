package dev.carrier.e2e.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/** Chat and message calls of docs/api.md, with the assertions every caller needs. */
public final class Chats {

	private Chats() {
	}

	public static JsonNode create(TestUser creator, List<String> members, String name) {
		Map<String, Object> body = name == null ? Map.of("members", members) : Map.of("members", members, "name", name);
		var reply = CarrierApi.post("/api/chats", creator.token(), body);
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		return reply.json().get("chat");
	}

	public static JsonNode send(TestUser sender, String chatId, String text) {
		return send(sender, chatId, text, UUID.randomUUID().toString());
	}

	public static JsonNode send(TestUser sender, String chatId, String text, String clientMessageId) {
		var reply = CarrierApi.post("/api/chats/" + chatId + "/messages", sender.token(),
				Map.of("text", text, "clientMessageId", clientMessageId));
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		return reply.json().get("message");
	}

	/** Pages back from the newest message to the first, the way a client scrolls up. */
	public static List<JsonNode> pageBackToTheFirst(TestUser reader, String chatId, int pageSize) {
		List<JsonNode> newestFirstPages = new ArrayList<>();
		var page = CarrierApi.get("/api/chats/" + chatId + "/messages?limit=" + pageSize, reader.token());
		while (true) {
			assertThat(page.status()).as(page.toString()).isEqualTo(200);
			List<JsonNode> messages = new ArrayList<>();
			page.json().forEach(messages::add);
			if (messages.isEmpty()) {
				break;
			}
			newestFirstPages.addAll(0, messages);
			long oldest = messages.getFirst().get("seq").asLong();
			if (oldest <= 1) {
				break;
			}
			page = CarrierApi.get("/api/chats/" + chatId + "/messages?limit=" + pageSize + "&beforeSeq=" + oldest,
					reader.token());
		}
		return newestFirstPages;
	}

}
