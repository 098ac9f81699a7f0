package dev.carrier.chat.realtime;

import java.time.Duration;
import java.time.Instant;

import dev.carrier.chat.support.IntegrationTestSupport;
import dev.carrier.chat.support.StubAuthService.User;
import dev.carrier.chat.support.WsClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Typing is a hint, limited per socket: one socket's flood costs the flooder its socket
 * and never another member's.
 */
class TypingFloodIntegrationTests extends IntegrationTestSupport {

	private static final Duration BOUND = Duration.ofSeconds(15);

	@Test
	void aTypingFloodClosesOnlyTheFloodersSocketAndOthersStillGetMessages() throws Exception {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		String chatId = createChat(alice, null, bob).path("id").asString();
		String typing = "{\"type\":\"typing\",\"chatId\":\"" + chatId + "\"}";
		try (WsClient flooder = WsClient.ready(this.port, alice.token());
				WsClient receiver = WsClient.ready(this.port, bob.token())) {
			int sent = 0;
			for (; sent < 2000 && flooder.closeCode == null; sent++) {
				try {
					flooder.send(typing);
				}
				catch (RuntimeException ex) {
					break; // the server closed the flooder's socket mid-flood
				}
			}

			await().atMost(BOUND).until(() -> flooder.closeCode != null);
			assertThat(flooder.closeCode).as("the flooder, after %d frames", sent).isEqualTo(1008);
			JsonNode message = send(chatId, alice, "after the flood");
			await().atMost(BOUND).until(() -> receiver.hasType("message.created"));
			assertThat(receiver.closeCode).isNull();
			assertThat(receiver.ofType("message.created").get(0).path("message")).isEqualTo(message);
			assertThat(receiver.ofType("typing")).hasSizeBetween(1, 2);
		}
	}

	@Test
	void typingMoreOftenThanOncePerSecondIsDroppedWithoutAnAnswer() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		String chatId = createChat(alice, null, bob).path("id").asString();
		String typing = "{\"type\":\"typing\",\"chatId\":\"" + chatId + "\"}";
		try (WsClient typist = WsClient.ready(this.port, alice.token());
				WsClient receiver = WsClient.ready(this.port, bob.token())) {
			for (int i = 0; i < 10; i++) {
				typist.send(typing);
			}
			await().atMost(BOUND).until(() -> receiver.hasType("typing"));
			Instant first = Instant.now();
			await().during(Duration.ofMillis(500)).atMost(BOUND).until(() -> receiver.ofType("typing").size() == 1);

			// a typist at an honest pace is heard again once the interval is over
			await().atMost(BOUND).pollInterval(Duration.ofMillis(200)).until(() -> {
				typist.send(typing);
				return receiver.ofType("typing").size() == 2;
			});
			assertThat(Duration.between(first, Instant.now())).isGreaterThan(Duration.ofMillis(500));
			assertThat(typist.closeCode).isNull();
			// "ready" (and the other member's presence), no error for the dropped notices
			assertThat(typist.frames).filteredOn(frame -> !frame.path("type").asString().equals("presence")).hasSize(1);
		}
	}

}
