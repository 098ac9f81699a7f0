package dev.carrier.e2e.messages;

import static dev.carrier.e2e.support.CarrierApi.delete;
import static dev.carrier.e2e.support.CarrierApi.get;
import static dev.carrier.e2e.support.CarrierApi.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dev.carrier.e2e.support.Chats;
import dev.carrier.e2e.support.EventSocket;
import dev.carrier.e2e.support.TestUser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Through the gateway: adding people to a group and leaving it are lines of the
 * conversation, pushed live to the members, in their place in history and in the export.
 */
class SystemLinesEndToEndTests {

	@Test
	void addingAndLeavingAreLinesOfTheConversationLiveInHistoryAndInTheExport() {
		TestUser ann = TestUser.signUp("ann");
		TestUser ben = TestUser.signUp("ben");
		TestUser cat = TestUser.signUp("cat");
		TestUser dan = TestUser.signUp("dan");
		String group = Chats.create(ann, List.of(ben.username(), cat.username()), "Lines").get("id").asString();
		Chats.send(ben, group, "before anyone came");

		try (EventSocket benLive = EventSocket.connect(ben.token())) {
			assertThat(post("/api/chats/" + group + "/members", ann.token(), Map.of("members", List.of(dan.username())))
				.status()).isEqualTo(200);
			assertThat(delete("/api/chats/" + group + "/members/me", cat.token()).status()).isEqualTo(204);

			JsonNode added = benLive
				.await("the added line",
						(event) -> "message.created".equals(event.path("type").asString())
								&& "member.added".equals(event.path("message").path("system").path("type").asString()))
				.path("message");
			assertThat(added.path("senderId").asString()).isEqualTo(ann.id());
			assertThat(added.path("system").path("userIds")).extracting(JsonNode::asString).containsExactly(dan.id());
			benLive.await("the left line", (event) -> "message.created".equals(event.path("type").asString())
					&& "member.left".equals(event.path("message").path("system").path("type").asString()));
		}

		JsonNode page = get("/api/chats/" + group + "/messages", dan.token()).json();
		assertThat(page).hasSize(3);
		assertThat(page.get(1).path("system").path("type").asString()).isEqualTo("member.added");
		assertThat(page.get(2).path("senderId").asString()).isEqualTo(cat.id());
		assertThat(page.get(2).path("system").path("type").asString()).isEqualTo("member.left");
		String export = get("/api/chats/" + group + "/export?format=txt", ben.token()).text();
		assertThat(export).contains("] " + ann.username() + " added " + dan.username() + "\n")
			.contains("] " + cat.username() + " left\n");
		// a line is no one's message to take back
		assertThat(
				delete("/api/chats/" + group + "/messages/" + page.get(1).path("id").asString(), ann.token()).status())
			.isEqualTo(404);
	}

}
