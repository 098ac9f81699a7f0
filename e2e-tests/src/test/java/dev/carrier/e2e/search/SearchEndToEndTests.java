package dev.carrier.e2e.search;

import static dev.carrier.e2e.support.CarrierApi.get;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.carrier.e2e.support.CarrierApi;
import dev.carrier.e2e.support.CarrierApi.Reply;
import dev.carrier.e2e.support.Chats;
import dev.carrier.e2e.support.ProblemCheck;
import dev.carrier.e2e.support.TestUser;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * docs/api.md "Search" through the gateway (issue 20): only the caller's chats (and not
 * one they left), never a deleted message, the chat and the highlights with every result,
 * one chat on request, and 400/404 problems for bad input and strangers.
 */
class SearchEndToEndTests {

	@Test
	void searchFindsTheCallersMessagesOnlyAndNeverADeletedOne() {
		TestUser ida = TestUser.signUp("ida");
		TestUser jon = TestUser.signUp("jon");
		TestUser kit = TestUser.signUp("kit");
		TestUser eve = TestUser.signUp("eve");
		String marker = "rosencrantz" + UUID.randomUUID().toString().substring(0, 6);
		String direct = Chats.create(ida, List.of(jon.username()), null).get("id").asString();
		String group = Chats.create(ida, List.of(jon.username(), kit.username()), "Players").get("id").asString();
		String inDirect = Chats.send(jon, direct, "Where is " + marker + " tonight?").get("id").asString();
		String inGroup = Chats.send(kit, group, marker + " and Guildenstern are dead").get("id").asString();
		String deleted = Chats.send(ida, group, "forget " + marker).get("id").asString();
		assertThat(CarrierApi.delete("/api/chats/" + group + "/messages/" + deleted, ida.token()).status())
			.isEqualTo(204);

		JsonNode idas = awaitResults(ida, marker, null, 2);
		assertThat(ids(idas)).containsExactly(inGroup, inDirect);
		JsonNode first = idas.get("results").get(0);
		assertThat(first.get("chat").get("id").asString()).isEqualTo(group);
		assertThat(first.get("chat").get("type").asString()).isEqualTo("group");
		assertThat(first.get("chat").get("name").asString()).isEqualTo("Players");
		assertThat(first.get("highlights").get(0).get(0).asInt()).isZero();
		assertThat(first.get("highlights").get(0).get(1).asInt()).isEqualTo(marker.length());

		assertThat(ids(search(ida, marker, direct).json())).containsExactly(inDirect);
		assertThat(ids(search(eve, marker, null).json())).isEmpty();
		assertThat(ids(search(kit, marker, null).json())).containsExactly(inGroup);

		assertThat(CarrierApi.delete("/api/chats/" + group + "/members/me", jon.token()).status()).isEqualTo(204);
		assertThat(ids(search(jon, marker, null).json())).as("not a chat he left").containsExactly(inDirect);
	}

	@Test
	void badQueriesAre400AndAStrangersChatIs404() {
		TestUser ida = TestUser.signUp("ida");
		TestUser eve = TestUser.signUp("eve");
		String chat = Chats.create(ida, List.of(eve.username()), null).get("id").asString();
		TestUser kit = TestUser.signUp("kit");

		for (String bad : List.of("", "   ", "x".repeat(201))) {
			Reply reply = search(ida, bad, null);
			assertThat(reply.status()).as("q=" + bad).isEqualTo(400);
			assertThat(ProblemCheck.problemFaults(reply)).isEmpty();
		}
		assertThat(get("/api/search?q=hello&limit=0", ida.token()).status()).isEqualTo(400);
		assertThat(get("/api/search?q=hello&order=random", ida.token()).status()).isEqualTo(400);
		assertThat(get("/api/search?q=hello&before=forged", ida.token()).status()).isEqualTo(400);
		Reply stranger = search(kit, "hello", chat);
		assertThat(stranger.status()).isEqualTo(404);
		assertThat(ProblemCheck.problemFaults(stranger)).isEmpty();
		assertThat(search(kit, "hello", UUID.randomUUID().toString()).status()).isEqualTo(404);
	}

	/** Search reads MySQL, which has a message within moments of its 201. */
	private static JsonNode awaitResults(TestUser user, String q, String chatId, int count) {
		List<JsonNode> last = new ArrayList<>();
		Awaitility.await("search finds " + count)
			.atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> {
				JsonNode found = search(user, q, chatId).json();
				last.add(found);
				return found.get("results").size() >= count;
			});
		return last.getLast();
	}

	private static Reply search(TestUser user, String q, String chatId) {
		String path = "/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)
				+ ((chatId != null) ? "&chatId=" + chatId : "");
		return get(path, user.token());
	}

	private static List<String> ids(JsonNode found) {
		List<String> ids = new ArrayList<>();
		found.get("results").forEach((result) -> ids.add(result.get("message").get("id").asString()));
		return ids;
	}

}
