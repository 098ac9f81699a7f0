package dev.carrier.persistence.snapshots;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.LongStream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.carrier.persistence.chats.ChatSnapshot;
import dev.carrier.persistence.chats.StoredChats;
import dev.carrier.persistence.events.Topics;
import dev.carrier.persistence.messages.StoredMessages;
import dev.carrier.persistence.messages.StoredMessage;
import dev.carrier.persistence.reads.ReadPosition;
import dev.carrier.persistence.reads.ReadPositions;
import dev.carrier.persistence.support.Http;
import dev.carrier.persistence.support.Ids;
import dev.carrier.persistence.support.IntegrationTest;
import dev.carrier.persistence.support.KafkaEvents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import static org.assertj.core.api.Assertions.assertThat;

/** What chat-service reloads its cache from: snapshots that are current, or a 503. */
@IntegrationTest
class SnapshotIntegrationTests {

	private static final Instant T0 = Instant.parse("2026-11-25T10:00:00.123456Z");

	@LocalServerPort
	int port;

	@Autowired
	StoredChats chats;

	@Autowired
	StoredMessages messages;

	@Autowired
	ReadPositions reads;

	@Autowired
	KafkaEvents kafka;

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	@Autowired
	JsonMapper json;

	Http http;

	@BeforeEach
	void client() {
		this.http = new Http(this.port);
	}

	@Test
	void aUsersFiftyChatsComeWithTheirNewestMessagesClientIdsReadsAndANewGenerationEachTime() {
		String user = Ids.random();
		String friend = Ids.random();
		List<String> chatIds = new ArrayList<>();
		List<ChatSnapshot> snapshots = new ArrayList<>();
		List<StoredMessage> stored = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			String chatId = Ids.random();
			chatIds.add(chatId);
			snapshots.add((i == 0)
					? new ChatSnapshot(chatId, "direct", null, StoredChats.directKey(user, friend), T0,
							List.of(user, friend), 0)
					: new ChatSnapshot(chatId, "group", "Group " + i, null, T0, List.of(user, friend), 0));
			for (long seq = 1; seq <= 80; seq++) {
				stored.add(new StoredMessage(Ids.random(), chatId, seq, (seq % 2 == 0) ? user : friend,
						"message " + seq, T0.plusSeconds(seq), seq == 77, "c" + seq, 0));
			}
		}
		this.chats.upsertChats(snapshots);
		this.messages.upsert(stored);
		this.reads.raise(List.of(new ReadPosition(chatIds.get(1), user, 42)));

		JsonNode ids = body(proven(() -> this.http.get("/internal/users/" + user + "/chat-ids")), 200);
		assertThat(ids.valueStream().map(JsonNode::asString).toList()).containsExactlyInAnyOrderElementsOf(chatIds);

		JsonNode first = snapshots(chatIds);
		assertThat(first).hasSize(50);
		JsonNode group = find(first, chatIds.get(1));
		assertThat(group.get("type").asString()).isEqualTo("group");
		assertThat(group.get("name").asString()).isEqualTo("Group 1");
		assertThat(group.get("lastSeq").asLong()).isEqualTo(80);
		assertThat(group.get("lastActivityAt").asLong()).isEqualTo(T0.plusSeconds(80).toEpochMilli());
		assertThat(group.get("memberIds").valueStream().map(JsonNode::asString).toList())
			.containsExactlyInAnyOrder(user, friend);
		assertThat(group.get("recentMessages").valueStream().map((m) -> m.get("seq").asLong()).toList())
			.isEqualTo(LongStream.rangeClosed(31, 80).boxed().toList());
		JsonNode tombstone = group.get("recentMessages").get(77 - 31);
		assertThat(tombstone.get("deleted").asBoolean()).isTrue();
		assertThat(tombstone.get("text").asString()).isEmpty();
		assertThat(group.get("clientIds").properties()).hasSize(80);
		assertThat(group.get("clientIds").has(user + ":c2")).isTrue();
		assertThat(group.at("/readPositions/" + user).asLong()).isEqualTo(42);
		assertThat(find(first, chatIds.get(0)).get("directKey").asString())
			.isEqualTo(StoredChats.directKey(user, friend));

		JsonNode second = snapshots(List.of(chatIds.get(1)));
		assertThat(second.get(0).get("generation").asLong()).isGreaterThan(group.get("generation").asLong());
	}

	@Test
	void unknownChatsAreLeftOutAndOnlyMembersAreMembers() {
		String member = Ids.random();
		String chatId = Ids.random();
		this.chats.upsertChats(List.of(new ChatSnapshot(chatId, "group", "G", null, T0, List.of(member), 0)));

		assertThat(snapshots(List.of(chatId, Ids.random()))).hasSize(1);
		proven(() -> this.http.get("/internal/chats/" + chatId + "/members/" + member));
		assertThat(status("/internal/chats/" + chatId + "/members/" + member)).isEqualTo(204);
		assertThat(status("/internal/chats/" + chatId + "/members/" + Ids.random())).isEqualTo(404);
		assertThat(status("/internal/chats/" + Ids.random() + "/members/" + member)).isEqualTo(404);
	}

	@Test
	void anIdInAnotherSpellingNamesNothing() {
		String member = Ids.random();
		String chatId = Ids.random();
		this.chats.upsertChats(List.of(new ChatSnapshot(chatId, "group", "G", null, T0, List.of(member), 0)));
		this.messages.upsert(List.of(new StoredMessage(Ids.random(), chatId, 1, member, "hi", T0, false, null, 0)));
		String upper = chatId.toUpperCase(Locale.ROOT);

		// MySQL compares ids byte for byte (V2 migration): the upper-case spelling finds
		// no row
		assertThat(this.http.get("/internal/chats/" + upper + "/messages").getStatusCode().value()).isEqualTo(404);
		assertThat(this.http.get("/internal/chats/" + chatId + "/messages").getStatusCode().value()).isEqualTo(200);
		ResponseEntity<String> snapshot = this.http.postJson("/internal/snapshots",
				"{\"chatIds\":[\"" + upper + "\"]}");
		assertThat(snapshot.getStatusCode().value()).isEqualTo(400);
		assertThat(this.http.get("/internal/chats/" + upper + "/members/" + member).getStatusCode().value())
			.isEqualTo(400);
	}

	@Test
	void noSnapshotIsAnsweredWhileTheConsumersLagBehindKafka() {
		String sender = Ids.random();
		String chatId = Ids.random();
		this.chats.upsertChats(List.of(new ChatSnapshot(chatId, "group", "G", null, T0, List.of(sender), 0)));
		MessageListenerContainer consumer = this.listeners.getListenerContainer("message-sent");
		consumer.stop();
		try {
			this.kafka.send(Topics.MESSAGE_SENT, chatId, messageSent(chatId, Ids.random(), 1, sender, 0));

			ResponseEntity<String> behind = this.http.postJson("/internal/snapshots",
					"{\"chatIds\":[\"" + chatId + "\"]}");
			assertThat(behind.getStatusCode().value()).isEqualTo(503);
			assertThat(behind.getHeaders().getFirst("Retry-After")).isNotBlank();
			assertThat(status("/internal/chats/" + chatId + "/members/" + sender)).isEqualTo(503);
		}
		finally {
			consumer.start();
		}
		JsonNode current = snapshots(List.of(chatId));
		assertThat(current.get(0).get("lastSeq").asLong()).isEqualTo(1);
		assertThat(current.get(0).get("recentMessages")).hasSize(1);
	}

	private int status(String path) {
		return this.http.get(path).getStatusCode().value();
	}

	private JsonNode snapshots(List<String> chatIds) {
		String request = this.json.writeValueAsString(Map.of("chatIds", chatIds));
		return body(proven(() -> this.http.postJson("/internal/snapshots", request)), 200).get("chats");
	}

	/**
	 * The answer once the consumers are proven current: other test classes' events (the
	 * whole build shares one broker) may keep them busy for a while, and until then the
	 * answer is a 503.
	 */
	private ResponseEntity<String> proven(java.util.function.Supplier<ResponseEntity<String>> call) {
		List<ResponseEntity<String>> answer = new ArrayList<>(List.of(ResponseEntity.noContent().build()));
		Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
			ResponseEntity<String> response = call.get();
			if (response.getStatusCode().value() == 503) {
				return false;
			}
			answer.set(0, response);
			return true;
		});
		return answer.get(0);
	}

	private JsonNode body(ResponseEntity<String> response, int status) {
		assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
		return this.json.readTree(response.getBody());
	}

	private static JsonNode find(JsonNode snapshots, String chatId) {
		return snapshots.valueStream()
			.filter((snapshot) -> snapshot.get("id").asString().equals(chatId))
			.findFirst()
			.orElseThrow();
	}

	static String messageSent(String chatId, String messageId, long seq, String sender, long generation) {
		return """
				{"eventId":"%s","occurredAt":"%s","message":{"id":"%s","chatId":"%s","seq":%d,"senderId":"%s",
				"text":"text %d","sentAt":"%s","clientMessageId":"client-%s","generation":%d}}
				""".formatted(Ids.random(), T0, messageId, chatId, seq, sender, seq, T0.plusSeconds(seq), messageId,
				generation);
	}

}
