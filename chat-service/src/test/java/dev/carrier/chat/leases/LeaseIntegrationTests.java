package dev.carrier.chat.leases;

import java.time.Duration;
import java.util.List;

import dev.carrier.chat.RedisKeys;
import dev.carrier.chat.events.Topics;
import dev.carrier.chat.support.IntegrationTestSupport;
import dev.carrier.chat.support.KafkaProbe;
import dev.carrier.chat.support.StubAuthService.User;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class LeaseIntegrationTests extends IntegrationTestSupport {

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	ExpirySweeper sweeper;

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
	void expiredLeaseBecomesChatExpiredOnKafka() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		String chatId = createChat(alice, null, bob).path("id").asString();
		try (KafkaProbe probe = new KafkaProbe(this.bootstrap, Topics.CHAT_EXPIRED)) {
			this.redis.expire(RedisKeys.lease(chatId), Duration.ofMillis(300));

			List<ConsumerRecord<String, String>> records = await().atMost(Duration.ofSeconds(20))
				.until(() -> probe.withKey(chatId), list -> !list.isEmpty());
			assertThat(JSON.readTree(records.get(0).value()).path("chatId").asString()).isEqualTo(chatId);
			// The chat's data does not expire with its lease: persistence-service flushes it first.
			assertThat(this.redis.hasKey(RedisKeys.chat(chatId))).isTrue();
		}
	}

	@Test
	void sweeperCatchesAnExpiryNobodyHeard() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		String chatId = createChat(alice, null, bob).path("id").asString();
		try (KafkaProbe probe = new KafkaProbe(this.bootstrap, Topics.CHAT_EXPIRED)) {
			// DEL sends no "expired" notification: only the sweeper can notice.
			this.redis.delete(RedisKeys.lease(chatId));
			assertThat(probe.withKey(chatId)).isEmpty();

			await().atMost(Duration.ofSeconds(20)).until(() -> this.sweeper.sweep() >= 0);

			await().atMost(Duration.ofSeconds(20)).until(() -> probe.withKey(chatId), list -> !list.isEmpty());
		}
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
