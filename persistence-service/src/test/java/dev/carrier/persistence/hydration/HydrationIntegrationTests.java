package dev.carrier.persistence.hydration;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.carrier.persistence.RedisKeys;
import dev.carrier.persistence.chats.ChatSnapshot;
import dev.carrier.persistence.chats.ChatStore;
import dev.carrier.persistence.messages.MessageStore;
import dev.carrier.persistence.messages.StoredMessage;
import dev.carrier.persistence.reads.ReadPositionStore;
import dev.carrier.persistence.reads.ReadPositionStore.ReadPosition;
import dev.carrier.persistence.support.CachedChats;
import dev.carrier.persistence.support.Http;
import dev.carrier.persistence.support.Ids;
import dev.carrier.persistence.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class HydrationIntegrationTests {

	private static final Instant T0 = Instant.parse("2026-11-25T10:00:00.123456Z");

	@LocalServerPort
	int port;

	@Autowired
	ChatStore chats;

	@Autowired
	MessageStore messages;

	@Autowired
	ReadPositionStore reads;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	JsonMapper json;

	Http http;

	final Set<String> createdIds = new HashSet<>();

	@BeforeEach
	void client() {
		this.http = new Http(this.port);
	}

	@AfterEach
	void removeTheKeysThisTestCreated() {
		Set<String> keys = CachedChats.keysOf(this.redis, this.createdIds);
		if (!keys.isEmpty()) {
			this.redis.delete(keys);
		}
	}

	@Test
	void hydratingAUserWith50ChatsOf50MessagesWritesExactlyTheirKeys() {
		// a first, identical hydration of someone else warms the JVM so the printed time is steady-state
		String warmUp = id();
		seed50x50(warmUp, id());
		JsonNode cold = this.json.readTree(this.http.post("/internal/hydrations/users/" + warmUp).getBody());
		String user = id();
		String friend = id();
		List<String> chatIds = new ArrayList<>();
		List<ChatSnapshot> snapshots = new ArrayList<>();
		List<StoredMessage> stored = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			String chatId = id();
			chatIds.add(chatId);
			snapshots.add((i == 0) ? new ChatSnapshot(chatId, "direct", null, ChatStore.directKey(user, friend), T0,
					List.of(user, friend), 0) : new ChatSnapshot(chatId, "group", "Group " + i, null, T0,
							List.of(user, friend), 0));
			for (long seq = 1; seq <= 50; seq++) {
				stored.add(new StoredMessage(chatId + ":" + seq, chatId, seq, (seq % 2 == 0) ? user : friend,
						"message " + seq, T0.plusSeconds(seq), seq == 7, "c" + seq));
			}
		}
		this.chats.upsertChats(snapshots);
		this.messages.upsert(stored);
		this.reads.upsert(List.of(new ReadPosition(chatIds.get(1), user, 42)));

		ResponseEntity<String> response = this.http.post("/internal/hydrations/users/" + user);

		assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
		JsonNode result = this.json.readTree(response.getBody());
		assertThat(result.get("chats").asInt()).isEqualTo(50);
		assertThat(result.get("messages").asInt()).isEqualTo(2500);
		System.out.printf("Hydration of 50 chats x 50 messages took %d ms (first, cold: %d ms)%n",
				result.get("millis").asLong(), cold.get("millis").asLong());

		Set<String> expected = new HashSet<>();
		for (String chatId : chatIds) {
			expected.addAll(List.of(RedisKeys.chat(chatId), RedisKeys.members(chatId), RedisKeys.messages(chatId),
					RedisKeys.clientIds(chatId), RedisKeys.lease(chatId)));
		}
		expected.add(RedisKeys.read(chatIds.get(1)));
		expected.add(RedisKeys.direct(ChatStore.directKey(user, friend)));
		expected.add(RedisKeys.userChats(user));
		expected.add(RedisKeys.userChats(friend));
		Set<String> ownIds = new HashSet<>(chatIds);
		ownIds.addAll(List.of(user, friend));
		assertThat(CachedChats.keysOf(this.redis, ownIds)).isEqualTo(expected);

		String group = chatIds.get(1);
		Map<Object, Object> hash = this.redis.opsForHash().entries(RedisKeys.chat(group));
		assertThat(hash).containsEntry("id", group)
			.containsEntry("type", "group")
			.containsEntry("name", "Group 1")
			.containsEntry("createdAt", "2026-11-25T10:00:00.123456Z")
			.containsEntry("lastSeq", "50")
			.containsEntry("lastActivityAt", Long.toString(T0.plusSeconds(50).toEpochMilli()));
		assertThat(this.redis.opsForHash().entries(RedisKeys.chat(chatIds.get(0)))).doesNotContainKey("name")
			.containsEntry("type", "direct");
		assertThat(this.redis.opsForSet().members(RedisKeys.members(group))).containsExactlyInAnyOrder(user, friend);
		List<String> list = this.redis.opsForList().range(RedisKeys.messages(group), 0, -1);
		assertThat(list).hasSize(50);
		JsonNode first = this.json.readTree(list.get(0));
		assertThat(first.properties()).hasSize(7);
		assertThat(first.get("id").asString()).isEqualTo(group + ":1");
		assertThat(first.get("chatId").asString()).isEqualTo(group);
		assertThat(first.get("seq").asLong()).isEqualTo(1);
		assertThat(first.get("senderId").asString()).isEqualTo(friend);
		assertThat(first.get("text").asString()).isEqualTo("message 1");
		assertThat(first.get("sentAt").asString()).isEqualTo("2026-11-25T10:00:01.123456Z");
		assertThat(first.get("deleted").asBoolean()).isFalse();
		assertThat(list.stream().map((entry) -> this.json.readTree(entry).get("seq").asLong()).toList())
			.isEqualTo(LongStream.rangeClosed(1, 50).boxed().toList());
		JsonNode tombstone = this.json.readTree(list.get(6));
		assertThat(tombstone.get("deleted").asBoolean()).isTrue();
		assertThat(tombstone.get("text").asString()).isEmpty();
		assertThat(this.redis.opsForHash().entries(RedisKeys.read(group))).containsExactlyEntriesOf(Map.of(user, "42"));
		assertThat(this.redis.opsForHash().get(RedisKeys.clientIds(group), user + ":c2")).isEqualTo(group + ":2");
		assertThat(this.redis.getExpire(RedisKeys.lease(group))).isBetween(1L, Duration.ofMinutes(5).toSeconds());
		assertThat(this.redis.opsForZSet().score(RedisKeys.userChats(user), group))
			.isEqualTo((double) T0.plusSeconds(50).toEpochMilli());
		assertThat(this.redis.opsForZSet().zCard(RedisKeys.userChats(friend))).isEqualTo(50);
		assertThat(this.redis.opsForValue().get(RedisKeys.direct(ChatStore.directKey(user, friend))))
			.isEqualTo(chatIds.get(0));
	}

	@Test
	void aChatAlreadyInRedisIsLeftAlone() {
		String user = id();
		String cachedChat = id();
		String evictedChat = id();
		for (String chatId : List.of(cachedChat, evictedChat)) {
			this.chats.upsertChats(List.of(new ChatSnapshot(chatId, "group", "G", null, T0, List.of(user), 0)));
			this.messages.upsert(List.of(new StoredMessage(chatId + ":1", chatId, 1, user, "old", T0, false, null)));
		}
		this.redis.opsForHash().putAll(RedisKeys.chat(cachedChat), Map.of("id", cachedChat, "lastSeq", "9"));
		this.redis.opsForList().rightPush(RedisKeys.messages(cachedChat), "{\"newer\":true}");

		JsonNode result = this.json.readTree(this.http.post("/internal/hydrations/users/" + user).getBody());

		assertThat(result.get("chats").asInt()).isEqualTo(1);
		assertThat(this.redis.opsForHash().get(RedisKeys.chat(cachedChat), "lastSeq")).isEqualTo("9");
		assertThat(this.redis.opsForList().range(RedisKeys.messages(cachedChat), 0, -1)).containsExactly("{\"newer\":true}");
		assertThat(this.redis.hasKey(RedisKeys.lease(cachedChat))).isFalse();
		assertThat(this.redis.opsForHash().get(RedisKeys.chat(evictedChat), "lastSeq")).isEqualTo("1");
	}

	@Test
	void hydratingOneChatLoadsItAndAnUnknownChatIs404() {
		String user = id();
		String chatId = id();
		this.chats.upsertChats(List.of(new ChatSnapshot(chatId, "group", "G", null, T0, List.of(user), 0)));
		this.messages.upsert(LongStream.rangeClosed(1, 80)
			.mapToObj((seq) -> new StoredMessage(chatId + ":" + seq, chatId, seq, user, "m" + seq, T0, false, null))
			.toList());

		JsonNode result = this.json.readTree(this.http.post("/internal/hydrations/chats/" + chatId).getBody());

		assertThat(result.get("chats").asInt()).isEqualTo(1);
		assertThat(result.get("messages").asInt()).isEqualTo(50);
		List<String> list = this.redis.opsForList().range(RedisKeys.messages(chatId), 0, -1);
		assertThat(this.json.readTree(list.get(0)).get("seq").asLong()).isEqualTo(31);
		assertThat(this.redis.opsForHash().get(RedisKeys.chat(chatId), "lastSeq")).isEqualTo("80");
		assertThat(this.json.readTree(this.http.post("/internal/hydrations/chats/" + chatId).getBody())
			.get("chats")
			.asInt()).isZero();
		ResponseEntity<String> unknown = this.http.post("/internal/hydrations/chats/" + id());
		assertThat(unknown.getStatusCode().value()).isEqualTo(404);
		assertThat(this.json.readTree(this.http.post("/internal/hydrations/users/" + id()).getBody()).get("chats").asInt())
			.isZero();
	}

	private void seed50x50(String user, String friend) {
		List<ChatSnapshot> snapshots = new ArrayList<>();
		List<StoredMessage> stored = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			String chatId = id();
			snapshots.add(new ChatSnapshot(chatId, "group", "Group " + i, null, T0, List.of(user, friend), 0));
			for (long seq = 1; seq <= 50; seq++) {
				stored.add(new StoredMessage(chatId + ":" + seq, chatId, seq, user, "message " + seq, T0.plusSeconds(seq),
						false, null));
			}
		}
		this.chats.upsertChats(snapshots);
		this.messages.upsert(stored);
	}

	private String id() {
		String id = Ids.random();
		this.createdIds.add(id);
		return id;
	}

}
