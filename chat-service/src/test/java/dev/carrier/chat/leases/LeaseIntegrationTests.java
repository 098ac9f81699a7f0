package dev.carrier.chat.leases;

import java.time.Duration;
import java.util.List;

import dev.carrier.chat.RedisKeys;
import dev.carrier.chat.cache.ChatEviction;
import dev.carrier.chat.messages.CacheOnlySends;
import dev.carrier.chat.support.CachedChats;
import dev.carrier.chat.support.IntegrationTestSupport;
import dev.carrier.chat.support.StoredReports;
import dev.carrier.chat.support.StubAuthService.User;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class LeaseIntegrationTests extends IntegrationTestSupport {

	private static final Duration BOUND = Duration.ofSeconds(20);

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	ExpirySweeper sweeper;

	@Autowired
	ChatEviction eviction;

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	MeterRegistry meters;

	@Autowired
	ApplicationContext context;

	@Test
	void activityRefreshesTheLease() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		String chatId = createChat(alice, null, bob).path("id").asString();
		this.redis.expire(RedisKeys.lease(chatId), Duration.ofSeconds(30));

		send(chatId, alice, "keep me");

		assertThat(this.redis.getExpire(RedisKeys.lease(chatId))).isGreaterThan(60);
	}

	@Test
	void expiredLeaseEvictsAChatWhoseMessagesAreAllStored() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		String chatId = createChat(alice, null, bob).path("id").asString();
		send(chatId, alice, "one");
		send(chatId, bob, "two");
		this.eviction.recordStored(chatId, 2);
		assertThat(this.redis.hasKey(RedisKeys.chat(chatId))).as("a leased chat stays").isTrue();

		this.redis.expire(RedisKeys.lease(chatId), Duration.ofMillis(300));

		await().atMost(BOUND).until(() -> !this.redis.hasKey(RedisKeys.chat(chatId)));
		assertThat(CachedChats.keysNaming(this.redis, chatId)).isEmpty();
		// the user index keeps the chat: a list reloads it
		assertThat(this.redis.opsForZSet().score(RedisKeys.userChats(alice.id()), chatId)).isNotNull();
	}

	@Test
	void expiredLeaseKeepsAChatWithAConfirmedMessageAboveStoredSeqUntilTheReportCatchesUp() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		String chatId = createChat(alice, null, bob).path("id").asString();
		// acknowledged, never published: only this test reports what MySQL holds
		sendCacheOnly(chatId, alice, bob, "stored");
		sendCacheOnly(chatId, bob, alice, "not in MySQL yet");
		this.eviction.recordStored(chatId, 1);
		Counter notStored = this.meters.counter("carrier.chat.evictions", "cause", "notification", "outcome",
				"not-stored");
		double before = notStored.count();

		this.redis.expire(RedisKeys.lease(chatId), Duration.ofMillis(300));

		// the notification was handled: refused (not-stored), or, wrongly, the chat is
		// gone
		await().atMost(BOUND)
			.until(() -> !this.redis.hasKey(RedisKeys.lease(chatId))
					&& (notStored.count() > before || !this.redis.hasKey(RedisKeys.chat(chatId))));
		await().pollDelay(Duration.ofMillis(500)).until(() -> true);
		assertThat(this.redis.hasKey(RedisKeys.chat(chatId))).as("message 2 is only in the cache").isTrue();
		assertThat(this.redis.opsForList().size(RedisKeys.messages(chatId))).isEqualTo(2);

		try (StoredReports reports = new StoredReports(this.bootstrap, consumerGroup(), this.kafka)) {
			reports.report(chatId, 2);
		}

		await().atMost(BOUND).until(() -> !this.redis.hasKey(RedisKeys.chat(chatId)));
		assertThat(CachedChats.keysNaming(this.redis, chatId)).isEmpty();
	}

	@Test
	void sweeperEvictsALeaselessStoredChatWhoseExpiryNobodyHeardAndKeepsOneMysqlLacks() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		User carol = AUTH.newUser("carol");
		String stored = createChat(alice, null, bob).path("id").asString();
		String behind = createChat(alice, null, carol).path("id").asString();
		sendCacheOnly(stored, alice, bob, "in MySQL");
		sendCacheOnly(behind, alice, carol, "not in MySQL yet");
		this.eviction.recordStored(stored, 1);
		try {
			// DEL sends no "expired" notification: only the sweeper can notice.
			this.redis.delete(List.of(RedisKeys.lease(stored), RedisKeys.lease(behind)));
			assertThat(this.redis.hasKey(RedisKeys.chat(stored))).isTrue();

			await().atMost(BOUND).until(() -> this.sweeper.sweep() >= 0);

			assertThat(this.redis.hasKey(RedisKeys.chat(stored))).isFalse();
			assertThat(CachedChats.keysNaming(this.redis, stored)).isEmpty();
			assertThat(this.redis.hasKey(RedisKeys.chat(behind))).isTrue();
			assertThat(this.redis.opsForList().size(RedisKeys.messages(behind))).isEqualTo(1);
		}
		finally {
			CachedChats.lose(this.redis, behind);
		}
	}

	private void sendCacheOnly(String chatId, User sender, User other, String text) {
		CacheOnlySends.send(this.context, chatId, sender.id(), text);
	}

	@Test
	void logoutShortensLeasesOfChatsWithNobodyElseOnline() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		User carol = AUTH.newUser("carol");
		String lonely = createChat(alice, null, bob).path("id").asString();
		String busy = createChat(alice, null, carol).path("id").asString();
		AUTH.setOnline(carol.id(), true);

		Reply reply = post("/internal/users/" + alice.id() + "/logged-out", null, "");

		assertThat(reply.status()).isEqualTo(204);
		assertThat(this.redis.getExpire(RedisKeys.lease(lonely))).isBetween(1L, 30L);
		assertThat(this.redis.getExpire(RedisKeys.lease(busy))).isGreaterThan(60);
	}

}
