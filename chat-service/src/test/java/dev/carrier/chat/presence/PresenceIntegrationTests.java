package dev.carrier.chat.presence;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.carrier.chat.events.Topics;
import dev.carrier.chat.support.IntegrationTestSupport;
import dev.carrier.chat.support.StubAuthService.User;
import dev.carrier.chat.support.WsClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Presence on the real Redis, with a 2 s heartbeat TTL so that a lapse is quick to see. A
 * dead instance is simulated by an entry under an instance id no process renews.
 */
@TestPropertySource(properties = { "carrier.presence.ttl=2s", "carrier.presence.heartbeat-interval=500ms",
		"carrier.presence.sweep-interval=500ms" })
class PresenceIntegrationTests extends IntegrationTestSupport {

	private static final Duration BOUND = Duration.ofSeconds(15);

	@Autowired
	PresenceStore store;

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	@Test
	void aPersonIsOnlineWhileAnySocketIsOpenAndOfflineWhenTheLastCloses() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		createChat(alice, null, bob);
		try (WsClient bobWs = WsClient.ready(this.port, bob.token())) {
			WsClient first = WsClient.ready(this.port, alice.token());
			WsClient second = WsClient.ready(this.port, alice.token());
			await().atMost(BOUND).until(() -> !presenceFrames(bobWs, alice).isEmpty());
			assertThat(presenceFrames(bobWs, alice).get(0).path("online").asBoolean()).isTrue();
			assertThat(presenceOf(bob, alice).path("online").asBoolean()).isTrue();

			first.close();
			await().during(Duration.ofMillis(800))
				.atMost(Duration.ofSeconds(3))
				.until(() -> presenceFrames(bobWs, alice).size() == 1);
			assertThat(presenceOf(bob, alice).path("online").asBoolean()).isTrue();
			second.close();

			await().atMost(BOUND).until(() -> presenceFrames(bobWs, alice).size() >= 2);
			JsonNode offline = presenceFrames(bobWs, alice).get(1);
			assertThat(offline.path("online").asBoolean()).isFalse();
			assertThat(Instant.parse(offline.path("lastSeenAt").asString())).isBefore(Instant.now().plusSeconds(1));
			JsonNode answer = presenceOf(bob, alice);
			assertThat(answer.path("online").asBoolean()).isFalse();
			assertThat(answer.path("lastSeenAt").asString()).isEqualTo(offline.path("lastSeenAt").asString());
		}
	}

	@Test
	void anInstanceThatStopsRenewingLetsItsPeopleGoOfflineAndTheOthersHearIt() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		createChat(alice, null, bob);
		try (WsClient bobWs = WsClient.ready(this.port, bob.token())) {
			Instant now = Instant.now();
			assertThat(this.store.refresh(alice.id(), "a-killed-instance", now, now.plusSeconds(2))).isTrue();
			assertThat(presenceOf(bob, alice).path("online").asBoolean()).isTrue();

			await().atMost(BOUND).until(() -> !presenceFrames(bobWs, alice).isEmpty());
			JsonNode offline = presenceFrames(bobWs, alice).get(0);
			assertThat(offline.path("online").asBoolean()).isFalse();
			assertThat(Instant.parse(offline.path("lastSeenAt").asString()))
				.isEqualTo(now.truncatedTo(ChronoUnit.MILLIS));
			assertThat(presenceOf(bob, alice).path("online").asBoolean()).isFalse();
		}
	}

	@Test
	void onlyOneInstanceLeavingKeepsThePersonOnline() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		createChat(alice, null, bob);
		Instant now = Instant.now();
		this.store.refresh(alice.id(), "instance-a", now, now.plusSeconds(60));
		this.store.refresh(alice.id(), "instance-b", now, now.plusSeconds(60));

		assertThat(this.store.release(alice.id(), "instance-a", Instant.now())).isFalse();
		assertThat(presenceOf(bob, alice).path("online").asBoolean()).isTrue();
		assertThat(this.store.release(alice.id(), "instance-b", Instant.now())).isTrue();
		assertThat(presenceOf(bob, alice).path("online").asBoolean()).isFalse();
	}

	@Test
	void aPersonWhoHidesPresenceShowsOfflineNeverSeenAndIsNotAnnounced() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		User carol = AUTH.newUser("carol");
		createChat(alice, "Team", bob, carol);
		AUTH.hidePresence(alice.id());
		try (WsClient bobWs = WsClient.ready(this.port, bob.token());
				WsClient aliceWs = WsClient.ready(this.port, alice.token());
				WsClient carolWs = WsClient.ready(this.port, carol.token())) {
			await().atMost(BOUND).until(() -> !presenceFrames(bobWs, carol).isEmpty());

			JsonNode answer = presenceOf(bob, alice);
			assertThat(answer.path("online").asBoolean()).isFalse();
			assertThat(answer.path("lastSeenAt").isNull()).isTrue();
			assertThat(presenceFrames(bobWs, alice)).isEmpty();
		}
	}

	@Test
	void aChangedSettingIsPushedAsTheOthersMayNowSeeIt() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		createChat(alice, null, bob);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> !this.listeners.getListenerContainer("presence-user-changed")
				.getAssignedPartitions()
				.isEmpty());
		try (WsClient bobWs = WsClient.ready(this.port, bob.token());
				WsClient aliceWs = WsClient.ready(this.port, alice.token())) {
			await().atMost(BOUND).until(() -> !presenceFrames(bobWs, alice).isEmpty());
			AUTH.hidePresence(alice.id());
			this.kafka.send(Topics.USER_CHANGED, alice.id(),
					JSON.writeValueAsString(Map.of("eventId", UUID.randomUUID().toString(), "occurredAt",
							Instant.now().toString(), "user",
							Map.of("id", alice.id(), "username", alice.username(), "presenceHidden", true))));

			await().atMost(BOUND).until(() -> presenceFrames(bobWs, alice).size() >= 2);
			JsonNode hidden = presenceFrames(bobWs, alice).get(1);
			assertThat(hidden.path("online").asBoolean()).isFalse();
			assertThat(hidden.path("lastSeenAt").isNull()).isTrue();
		}
	}

	@Test
	void strangersAreLeftOutAndTheCallerMayAskForThemself() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		User eve = AUTH.newUser("eve");
		createChat(alice, null, bob);

		assertThat(get("/api/users/presence?ids=" + alice.id() + "," + bob.id(), eve.id()).json()).isEmpty();
		JsonNode own = get("/api/users/presence?ids=" + eve.id() + "," + alice.id(), eve.id()).json();
		assertThat(own.findValuesAsString("userId")).containsExactly(eve.id());
		JsonNode bobs = get("/api/users/presence?ids=" + alice.id() + "," + eve.id() + ","
				+ alice.id().toUpperCase(java.util.Locale.ROOT), bob.id())
			.json();
		assertThat(bobs.findValuesAsString("userId")).containsExactly(alice.id());
	}

	@Test
	void aMissingMalformedOrTooLongListIsA400Problem() {
		User alice = AUTH.newUser("alice");
		String hundredAndOne = String.join(",", Collections.nCopies(101, alice.id()));
		for (String query : List.of("", "?ids=", "?ids=nope", "?ids=" + alice.id() + ",", "?ids=" + hundredAndOne,
				"?ids=" + alice.id() + ",%20" + alice.id())) {
			Reply reply = get("/api/users/presence" + query, alice.id());
			assertThat(reply.status()).as(query).isEqualTo(400);
			assertThat(reply.contentType()).as(query).startsWith("application/problem+json");
		}
	}

	private JsonNode presenceOf(User caller, User person) {
		Reply reply = get("/api/users/presence?ids=" + person.id(), caller.id());
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json()).hasSize(1);
		return reply.json().get(0);
	}

	private static List<JsonNode> presenceFrames(WsClient ws, User person) {
		return ws.ofType("presence")
			.stream()
			.filter(frame -> frame.path("userId").asString().equals(person.id()))
			.toList();
	}

}
