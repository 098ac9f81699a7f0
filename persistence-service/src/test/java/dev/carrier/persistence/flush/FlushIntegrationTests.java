package dev.carrier.persistence.flush;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.carrier.persistence.RedisKeys;
import dev.carrier.persistence.events.Topics;
import dev.carrier.persistence.messages.MessageView;
import dev.carrier.persistence.support.CachedChats;
import dev.carrier.persistence.support.Ids;
import dev.carrier.persistence.support.IntegrationTest;
import dev.carrier.persistence.support.KafkaEvents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

@IntegrationTest
class FlushIntegrationTests {

	private static final Instant T0 = Instant.parse("2026-11-25T10:00:00.123456Z");

	@Autowired
	FlushService flush;

	@Autowired
	ChatCacheReader cacheReader;

	@Autowired
	KafkaEvents kafka;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JsonMapper json;

	final Set<String> createdIds = new HashSet<>();

	@AfterEach
	void removeTheKeysThisTestCreated() {
		Set<String> keys = CachedChats.keysOf(this.redis, this.createdIds);
		if (!keys.isEmpty()) {
			this.redis.delete(keys);
		}
	}

	// The same path (expiry event → flush → eviction) is covered end to end by
	// LifecycleEndToEndTests on the running stack. Here the event goes through the shared test
	// consumer group, which several cached application contexts join at once; on a fresh broker the
	// event was not consumed within a minute in two clean-clone runs. Re-enable once the test owns
	// its consumer group (an open item of issue 5/9).
	@Disabled("flaky on a fresh broker: shared consumer group across cached test contexts")
	@Test
	void anExpiredChatReachesMySqlAndThenItsKeysAreGone() {
		String chatId = id();
		String alice = id();
		String bob = id();
		cache(chatId, List.of(alice, bob), 1, 5, 5);
		this.redis.opsForHash().put(RedisKeys.read(chatId), bob, "4");
		this.redis.opsForZSet().add(RedisKeys.userChats(alice), chatId, 1);

		this.kafka.send(Topics.CHAT_EXPIRED, chatId, """
				{"eventId":"%s","occurredAt":"%s","chatId":"%s"}""".formatted(Ids.random(), T0, chatId));

		await().atMost(Duration.ofSeconds(60)).until(() -> !this.redis.hasKey(RedisKeys.chat(chatId)));
		assertThat(this.redis.hasKey(RedisKeys.members(chatId))).isFalse();
		assertThat(this.redis.hasKey(RedisKeys.messages(chatId))).isFalse();
		assertThat(this.redis.hasKey(RedisKeys.clientIds(chatId))).isFalse();
		assertThat(this.redis.hasKey(RedisKeys.read(chatId))).isFalse();
		assertThat(this.redis.opsForZSet().score(RedisKeys.userChats(alice), chatId)).isEqualTo(1.0);
		assertThat(this.jdbc.queryForMap("SELECT type, name, last_seq FROM chats WHERE id = ?", chatId))
			.containsEntry("type", "group")
			.containsEntry("name", "Flushed")
			.containsEntry("last_seq", 5L);
		assertThat(this.jdbc.queryForList("SELECT user_id FROM chat_members WHERE chat_id = ?", String.class, chatId))
			.containsExactlyInAnyOrder(alice, bob);
		assertThat(storedSeqs(chatId)).isEqualTo(range(1, 5));
		assertThat(this.jdbc.queryForObject("SELECT text FROM messages WHERE chat_id = ? AND seq = 3", String.class,
				chatId)).isEqualTo("text 3");
		assertThat(this.jdbc.queryForObject("SELECT seq FROM read_positions WHERE chat_id = ? AND user_id = ?",
				Long.class, chatId, bob)).isEqualTo(4);
	}

	@Test
	void aDuplicateExpiryAndAChatNotInRedisAreHarmless() {
		String chatId = id();
		cache(chatId, List.of(id()), 1, 3, 3);
		assertThat(this.flush.flushChat(chatId)).isEqualTo(FlushOutcome.EVICTED);
		assertThat(this.flush.flushChat(chatId)).isEqualTo(FlushOutcome.NOT_CACHED);
		assertThat(storedSeqs(chatId)).isEqualTo(range(1, 3));
		assertThat(this.flush.flushChat(id())).isEqualTo(FlushOutcome.NOT_CACHED);
	}

	@Test
	void aChatWithALeaseIsNeitherFlushedNorEvicted() {
		String chatId = id();
		cache(chatId, List.of(id()), 1, 3, 3);
		this.redis.opsForValue().set(RedisKeys.lease(chatId), "1", Duration.ofMinutes(1));
		assertThat(this.flush.flushChat(chatId)).isEqualTo(FlushOutcome.LEASED);
		assertThat(this.redis.hasKey(RedisKeys.chat(chatId))).isTrue();
		assertThat(this.redis.opsForList().size(RedisKeys.messages(chatId))).isEqualTo(3);
	}

	@Test
	void messagesStillInFlightBlockEvictionUntilTheyArrive() {
		String chatId = id();
		String sender = id();
		// Redis keeps only seqs 4..5; 1..3 are still on their way through Kafka
		cache(chatId, List.of(sender), 4, 5, 5);

		CompletableFuture<FlushOutcome> outcome = CompletableFuture.supplyAsync(() -> this.flush.flushChat(chatId));

		await().atMost(Duration.ofSeconds(10)).until(() -> storedSeqs(chatId).equals(range(4, 5)));
		assertThat(outcome).isNotDone();
		assertThat(this.redis.hasKey(RedisKeys.chat(chatId))).isTrue();
		for (long seq = 1; seq <= 3; seq++) {
			this.kafka.send(Topics.MESSAGE_SENT, chatId, """
					{"eventId":"%s","occurredAt":"%s","message":{"id":"%s","chatId":"%s","seq":%d,"senderId":"%s",
					"text":"text %d","sentAt":"%s","clientMessageId":null}}
					""".formatted(Ids.random(), T0, chatId + ":" + seq, chatId, seq, sender, seq, T0));
		}

		assertThat(outcome.join()).isEqualTo(FlushOutcome.EVICTED);
		assertThat(storedSeqs(chatId)).isEqualTo(range(1, 5));
		assertThat(this.redis.hasKey(RedisKeys.chat(chatId))).isFalse();
	}

	@Test
	void aLeaseThatReappearsMidFlushPreventsEvictionAndNothingIsLost() {
		String chatId = id();
		cache(chatId, List.of(id()), 4, 5, 5);

		CompletableFuture<FlushOutcome> outcome = CompletableFuture.supplyAsync(() -> this.flush.flushChat(chatId));
		await().atMost(Duration.ofSeconds(10)).until(() -> storedSeqs(chatId).equals(range(4, 5)));
		// the chat wakes up: chat-service sets a lease and appends a message
		this.redis.opsForValue().set(RedisKeys.lease(chatId), "1", Duration.ofMinutes(1));
		this.redis.opsForList().rightPush(RedisKeys.messages(chatId), messageJson(chatId, 6));
		this.redis.opsForHash().put(RedisKeys.chat(chatId), "lastSeq", "6");

		assertThat(outcome.join()).isEqualTo(FlushOutcome.LEASED);
		assertThat(this.redis.opsForList().size(RedisKeys.messages(chatId))).isEqualTo(3);
		assertThat(this.redis.opsForHash().get(RedisKeys.chat(chatId), "lastSeq")).isEqualTo("6");
		assertThat(storedSeqs(chatId)).isEqualTo(range(4, 5));
	}

	@Test
	void aFlushThatWaitedInVainKeepsTheChatCached() {
		String chatId = id();
		cache(chatId, List.of(id()), 9, 10, 10);
		assertThatExceptionOfType(FlushIncomplete.class).isThrownBy(() -> this.flush.flushChat(chatId));
		assertThat(this.redis.hasKey(RedisKeys.chat(chatId))).isTrue();
		assertThat(this.redis.opsForList().size(RedisKeys.messages(chatId))).isEqualTo(2);
	}

	@Test
	void theEvictionScriptKeepsEveryKeyWhileALeaseExists() {
		String chatId = id();
		cache(chatId, List.of(id()), 1, 2, 2);
		this.redis.opsForHash().put(RedisKeys.read(chatId), "someone", "2");
		this.redis.opsForValue().set(RedisKeys.lease(chatId), "1", Duration.ofMinutes(1));
		assertThat(this.cacheReader.evictIfNoLease(chatId)).isFalse();
		assertThat(this.redis.countExistingKeys(RedisKeys.evictable(chatId))).isEqualTo(5);
		this.redis.delete(RedisKeys.lease(chatId));
		assertThat(this.cacheReader.evictIfNoLease(chatId)).isTrue();
		assertThat(this.redis.countExistingKeys(RedisKeys.evictable(chatId))).isZero();
	}

	/** A chat as chat-service caches it, without a lease (it expired). */
	private void cache(String chatId, List<String> members, long fromSeq, long toSeq, long lastSeq) {
		this.redis.opsForHash()
			.putAll(RedisKeys.chat(chatId), Map.of("id", chatId, "type", "group", "name", "Flushed", "createdAt",
					T0.toString(), "lastSeq", Long.toString(lastSeq), "lastActivityAt",
					Long.toString(T0.toEpochMilli())));
		this.redis.opsForSet().add(RedisKeys.members(chatId), members.toArray(String[]::new));
		for (long seq = fromSeq; seq <= toSeq; seq++) {
			this.redis.opsForList().rightPush(RedisKeys.messages(chatId), messageJson(chatId, seq));
		}
		this.redis.opsForHash().put(RedisKeys.clientIds(chatId), members.get(0) + ":c1", chatId + ":" + fromSeq);
	}

	private String messageJson(String chatId, long seq) {
		return this.json.writeValueAsString(new MessageView(chatId + ":" + seq, chatId, seq, "sender", "text " + seq,
				T0.plusSeconds(seq), false));
	}

	private List<Long> storedSeqs(String chatId) {
		return this.jdbc.queryForList("SELECT seq FROM messages WHERE chat_id = ? ORDER BY seq", Long.class, chatId);
	}

	private static List<Long> range(long from, long to) {
		return LongStream.rangeClosed(from, to).boxed().toList();
	}

	private String id() {
		String id = Ids.random();
		this.createdIds.add(id);
		return id;
	}

}
