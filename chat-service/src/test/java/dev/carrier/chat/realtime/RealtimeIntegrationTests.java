package dev.carrier.chat.realtime;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.carrier.chat.ChatServiceApplication;
import dev.carrier.chat.events.Topics;
import dev.carrier.chat.support.IntegrationTestSupport;
import dev.carrier.chat.support.RealServers;
import dev.carrier.chat.support.StubAuthService.User;
import dev.carrier.chat.support.WsClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RealtimeIntegrationTests extends IntegrationTestSupport {

	private static final Duration BOUND = Duration.ofSeconds(15);

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	@Test
	void authenticatedClientReceivesMessagesOfItsChats() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		String chatId = createChat(alice, null, bob).path("id").asString();
		try (WsClient ws = WsClient.ready(this.port, bob.token())) {
			JsonNode sent = send(chatId, alice, "hi");

			await().atMost(BOUND).until(() -> ws.hasType("message.created"));
			assertThat(ws.frames.get(0).path("type").asString()).isEqualTo("ready");
			assertThat(ws.ofType("message.created").get(0).path("message")).isEqualTo(sent);
		}
	}

	@Test
	void tokenMayComeAsBearerSubprotocol() {
		User alice = AUTH.newUser("alice");
		try (WsClient ws = WsClient.connect(this.port, "bearer." + alice.token())) {
			assertThat(ws.acceptedSubprotocol()).isEqualTo("bearer." + alice.token());
			await().atMost(BOUND).until(() -> ws.hasType("ready"));
		}
	}

	@Test
	void aSocketWhoseSessionEndsIsClosedWith4401AndHearsNothingMore() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		String chatId = createChat(alice, null, bob).path("id").asString();
		try (WsClient ws = WsClient.ready(this.port, alice.token());
				WsClient other = WsClient.ready(this.port, bob.token())) {
			AUTH.endSession(alice.token());

			await().atMost(BOUND).until(() -> ws.closeCode != null);
			assertThat(ws.closeCode).isEqualTo(4401);
			send(chatId, bob, "after the logout");
			await().atMost(BOUND).until(() -> other.hasType("message.created"));
			assertThat(ws.hasType("message.created")).isFalse();
			assertThat(other.closeCode).isNull();
		}
	}

	@Test
	void badTokenIsClosedWith4401() {
		try (WsClient ws = WsClient.connect(this.port, null)) {
			ws.send("{\"type\":\"auth\",\"token\":\"" + UUID.randomUUID() + "\"}");

			await().atMost(BOUND).until(() -> ws.closeCode != null);
			assertThat(ws.closeCode).isEqualTo(4401);
			assertThat(ws.frames).isEmpty();
		}
	}

	@Test
	void aFrameOtherThanAuthFirstIsAPolicyViolationNotALogout() {
		User alice = AUTH.newUser("alice");
		String chatId = createChat(alice, null, AUTH.newUser("bob")).path("id").asString();
		try (WsClient ws = WsClient.connect(this.port, null)) {
			ws.send("{\"type\":\"typing\",\"chatId\":\"" + chatId + "\"}");

			await().atMost(BOUND).until(() -> ws.closeCode != null);
			assertThat(ws.closeCode).isEqualTo(1008);
			assertThat(ws.frames).isEmpty();
		}
	}

	@Test
	void silentUnauthenticatedClientIsClosed() {
		try (WsClient ws = WsClient.connect(this.port, null)) {
			await().atMost(Duration.ofSeconds(20)).until(() -> ws.closeCode != null);
			assertThat(ws.frames).isEmpty();
		}
	}

	@Test
	void strangerNeverSeesAChatOnItsWebSocket() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		User carol = AUTH.newUser("carol");
		User stranger = AUTH.newUser("eve");
		try (WsClient eve = WsClient.ready(this.port, stranger.token());
				WsClient bobWs = WsClient.ready(this.port, bob.token())) {
			String chatId = createChat(alice, "Team", bob, carol).path("id").asString();
			String messageId = send(chatId, alice, "secret").path("id").asString();
			post("/api/chats/" + chatId + "/read", bob.id(), Map.of("seq", 1));
			eve.send("{\"type\":\"typing\",\"chatId\":\"" + chatId + "\"}");
			bobWs.send("{\"type\":\"typing\",\"chatId\":\"" + chatId + "\"}");
			delete("/api/chats/" + chatId + "/messages/" + messageId, alice.id());
			delete("/api/chats/" + chatId + "/members/me", carol.id());

			await().atMost(BOUND)
				.until(() -> bobWs.hasType("chat.created") && bobWs.hasType("message.created") && bobWs.hasType("read")
						&& bobWs.hasType("message.deleted") && bobWs.hasType("chat.updated"));
			assertThat(bobWs.ofType("typing")).isEmpty();
			assertThat(eve.frames).extracting(frame -> frame.path("type").asString()).containsExactly("ready");
		}
	}

	@Test
	void typingIsRelayedToTheOtherMembersOnly() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		String chatId = createChat(alice, null, bob).path("id").asString();
		try (WsClient aliceWs = WsClient.ready(this.port, alice.token());
				WsClient bobWs = WsClient.ready(this.port, bob.token())) {
			aliceWs.send("{\"type\":\"typing\",\"chatId\":\"" + chatId + "\"}");

			await().atMost(BOUND).until(() -> bobWs.hasType("typing"));
			JsonNode typing = bobWs.ofType("typing").get(0);
			assertThat(typing.path("chatId").asString()).isEqualTo(chatId);
			assertThat(typing.path("userId").asString()).isEqualTo(alice.id());
			assertThat(aliceWs.ofType("typing")).isEmpty();
		}
	}

	@Test
	void addedMemberGetsTheChatAndLeaverStopsReceiving() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		User carol = AUTH.newUser("carol");
		User dave = AUTH.newUser("dave");
		String chatId = createChat(alice, "Team", bob, carol).path("id").asString();
		try (WsClient daveWs = WsClient.ready(this.port, dave.token());
				WsClient carolWs = WsClient.ready(this.port, carol.token())) {
			post("/api/chats/" + chatId + "/members", alice.id(), Map.of("members", List.of(dave.username())));
			await().atMost(BOUND).until(() -> daveWs.hasType("chat.created"));

			delete("/api/chats/" + chatId + "/members/me", carol.id());
			send(chatId, alice, "after carol left");

			await().atMost(BOUND)
				.until(() -> daveWs.ofType("message.created")
					.stream()
					.anyMatch((m) -> m.path("message").path("text").asString().equals("after carol left")));
			// carol heard the line about dave joining while she was in, and nothing after
			// she left
			assertThat(carolWs.ofType("message.created"))
				.extracting((m) -> m.path("message").path("system").path("type").asString())
				.containsExactly("member.added");
			List<JsonNode> updates = carolWs.ofType("chat.updated");
			JsonNode lastUpdate = updates.get(updates.size() - 1).path("chat");
			assertThat(lastUpdate.path("members").findValuesAsString("id")).doesNotContain(carol.id());
		}
	}

	@Test
	void renamedUserShowsInEveryChatAtOnce() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		String chatId = createChat(alice, null, bob).path("id").asString();
		await().atMost(Duration.ofSeconds(60))
			.until(() -> !this.listeners.getListenerContainer("user-changed").getAssignedPartitions().isEmpty());
		try (WsClient bobWs = WsClient.ready(this.port, bob.token())) {
			String newName = "alicia_" + alice.id().substring(0, 6);
			AUTH.rename(alice.id(), newName);
			this.kafka.send(Topics.USER_CHANGED, alice.id(),
					JSON.writeValueAsString(
							Map.of("eventId", UUID.randomUUID().toString(), "occurredAt", Instant.now().toString(),
									"user", Map.of("id", alice.id(), "username", newName, "email", alice.email()))));

			await().atMost(BOUND).until(() -> bobWs.hasType("chat.updated"));
			JsonNode chat = bobWs.ofType("chat.updated").get(0).path("chat");
			assertThat(chat.path("id").asString()).isEqualTo(chatId);
			assertThat(chat.path("members").findValuesAsString("username")).contains(newName);
		}
	}

	@Test
	void clientOnOneInstanceReceivesMessagesSentThroughAnotherOnceInOrder() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		String chatId = createChat(alice, null, bob).path("id").asString();
		// Command-line arguments, so they win over application.yml as in a real second
		// instance.
		List<String> args = new ArrayList<>(List.of("--server.port=0"));
		stubProperties().forEach((name, value) -> args.add("--" + name + "=" + value));
		try (ConfigurableApplicationContext second = new SpringApplicationBuilder(ChatServiceApplication.class,
				RealServers.class)
			.run(args.toArray(String[]::new));
				WsClient bobWs = WsClient.ready(second.getEnvironment().getProperty("local.server.port", Integer.class),
						bob.token())) {
			List<Long> sent = new ArrayList<>();
			for (int i = 0; i < 30; i++) {
				sent.add(send(chatId, (i % 3 == 0) ? bob : alice, "m" + i).path("seq").asLong());
			}

			await().atMost(BOUND).until(() -> bobWs.ofType("message.created").size() >= 30);
			List<Long> received = bobWs.ofType("message.created")
				.stream()
				.map(frame -> frame.path("message").path("seq").asLong())
				.toList();
			assertThat(received).containsExactlyElementsOf(sent);
		}
	}

}
