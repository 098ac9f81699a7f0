package dev.carrier.e2e;

import static dev.carrier.e2e.support.CarrierApi.get;
import static dev.carrier.e2e.support.CarrierApi.post;
import static dev.carrier.e2e.support.CarrierApi.put;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

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
 * docs/api.md "Chats": hiding a direct chat (issue 19) through the gateway: only the
 * hider's list loses it, their other sessions hear it, it stays hidden through flush,
 * eviction and the next login on any device, and the next message brings it back.
 */
class HiddenChatsEndToEndTests {

	private static final Duration LOGOUT_GRACE = CarrierApi.envDuration("CARRIER_CHAT_LOGOUT_GRACE", "30s");

	@Test
	void aHiddenChatStaysHiddenThroughTheCacheLifecycleUntilItsNextMessage() {
		TestUser ida = TestUser.signUp("ida");
		TestUser jon = TestUser.signUp("jon");
		String chatId = Chats.create(ida, List.of(jon.username()), null).get("id").asString();
		Chats.send(jon, chatId, "remember me?");

		try (EventSocket idasOtherDevice = EventSocket.connect(ida.token())) {
			assertThat(hide(ida, chatId, true).status()).isEqualTo(204);
			JsonNode told = idasOtherDevice.await("ida's other device hears of it",
					(event) -> "chat.hidden".equals(event.path("type").asString()));
			assertThat(told.get("chatId").asString()).isEqualTo(chatId);
			assertThat(told.get("hidden").asBoolean()).isTrue();
		}
		assertThat(listed(ida, chatId)).isFalse();
		assertThat(listed(jon, chatId)).isTrue();

		assertThat(post("/api/auth/logout", ida.token(), null).status()).isEqualTo(204);
		assertThat(post("/api/auth/logout", jon.token(), null).status()).isEqualTo(204);
		Awaitility.await("the chat is flushed and evicted")
			.atMost(LOGOUT_GRACE.plusSeconds(10))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> !Servers.redisHasKey("carrier:chat:chat:" + chatId));

		TestUser idaElsewhere = ida.loggedInAgain();
		assertThat(listed(idaElsewhere, chatId)).as("hidden on a new device after a reload").isFalse();
		assertThat(get("/api/chats/" + chatId, idaElsewhere.token()).status()).isEqualTo(200);
		TestUser jonAgain = jon.loggedInAgain();
		assertThat(listed(jonAgain, chatId)).isTrue();

		Chats.send(jonAgain, chatId, "still there?");
		assertThat(listed(idaElsewhere, chatId)).as("a new message shows it again").isTrue();
	}

	@Test
	void aGroupIsLeftNotHiddenAndAStrangerLearnsNothing() {
		TestUser ida = TestUser.signUp("ida");
		TestUser jon = TestUser.signUp("jon");
		TestUser kit = TestUser.signUp("kit");
		TestUser eve = TestUser.signUp("eve");
		String direct = Chats.create(ida, List.of(jon.username()), null).get("id").asString();
		String group = Chats.create(ida, List.of(jon.username(), kit.username()), "Watch").get("id").asString();

		Reply groupHide = hide(ida, group, true);
		assertThat(groupHide.status()).isEqualTo(400);
		assertThat(ProblemCheck.problemFaults(groupHide)).isEmpty();
		Reply stranger = hide(eve, direct, true);
		assertThat(stranger.status()).isEqualTo(404);
		assertThat(ProblemCheck.problemFaults(stranger)).isEmpty();
		Reply badBody = put("/api/chats/" + direct + "/hidden", ida.token(), Map.of("hidden", "soon"));
		assertThat(badBody.status()).isEqualTo(400);
		assertThat(listed(ida, direct)).isTrue();
		assertThat(listed(jon, direct)).isTrue();
		assertThat(listed(ida, group)).isTrue();
	}

	private static Reply hide(TestUser user, String chatId, boolean hidden) {
		return put("/api/chats/" + chatId + "/hidden", user.token(), Map.of("hidden", hidden));
	}

	private static boolean listed(TestUser user, String chatId) {
		for (JsonNode row : get("/api/chats", user.token()).json()) {
			if (row.get("chat").get("id").asString().equals(chatId)) {
				return true;
			}
		}
		return false;
	}

}
