package dev.carrier.chat.cache;

import java.util.List;

import dev.carrier.chat.RedisKeys;
import dev.carrier.chat.messages.CacheOnlySends;
import dev.carrier.chat.support.CachedChats;
import dev.carrier.chat.support.IntegrationTestSupport;
import dev.carrier.chat.support.StoredReports;
import dev.carrier.chat.support.StubAuthService.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * persistence-service's {@code carrier.persistence.messages-stored} reports, as
 * chat-service consumes them from the real Kafka: how far MySQL holds a chat only ever
 * rises, and a report lets a chat whose lease is gone leave the cache.
 */
class MessagesStoredListenerIntegrationTests extends IntegrationTestSupport {

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	ApplicationContext context;

	private StoredReports reports;

	@BeforeEach
	void reports() {
		this.reports = new StoredReports(this.bootstrap, consumerGroup(), this.kafka);
	}

	@AfterEach
	void close() {
		this.reports.close();
	}

	@Test
	void aReportRaisesTheChatsStoredSeqAndNeverLowersIt() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		String chatId = createChat(alice, null, bob).path("id").asString();
		for (int i = 1; i <= 3; i++) {
			sendCacheOnly(chatId, (i % 2 == 0) ? bob : alice, (i % 2 == 0) ? alice : bob, "m" + i);
		}

		this.reports.report(chatId, 2);
		assertThat(storedSeq(chatId)).isEqualTo("2");

		this.reports.report(chatId, 1);
		assertThat(storedSeq(chatId)).as("a late, lower report").isEqualTo("2");

		this.reports.report(chatId, 3);
		assertThat(storedSeq(chatId)).isEqualTo("3");
		assertThat(this.redis.hasKey(RedisKeys.chat(chatId))).as("a leased chat stays cached").isTrue();
		assertThat(seqs(get("/api/chats/" + chatId + "/messages", bob.id()).json())).containsExactly(1L, 2L, 3L);
	}

	@Test
	void reportsTakenTogetherRaiseTheChatToTheHighestEvenPastAnUnreadableOne() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		String chatId = createChat(alice, null, bob).path("id").asString();
		for (int i = 1; i <= 4; i++) {
			sendCacheOnly(chatId, alice, bob, "m" + i);
		}

		this.reports.reportRaw(chatId, List.of(StoredReports.value(chatId, 2), "{not json",
				StoredReports.value(chatId, 3), StoredReports.value(chatId, 1)));
		assertThat(storedSeq(chatId)).as("the highest of the batch, past the unreadable report").isEqualTo("3");

		this.reports.report(chatId, 4);
		assertThat(storedSeq(chatId)).as("the listener still takes reports after it").isEqualTo("4");
	}

	@Test
	void aReportForAChatNotCachedWritesNothing() {
		String chatId = java.util.UUID.randomUUID().toString();

		this.reports.report(chatId, 5);

		assertThat(CachedChats.keysNaming(this.redis, chatId)).isEmpty();
	}

	@Test
	void aReportCoveringEveryConfirmedMessageEvictsAChatWhoseLeaseIsGone() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		String chatId = createChat(alice, null, bob).path("id").asString();
		sendCacheOnly(chatId, alice, bob, "one");
		sendCacheOnly(chatId, bob, alice, "two");
		// DEL: no expiry notification; the report is what comes last
		this.redis.delete(List.of(RedisKeys.lease(chatId)));

		this.reports.report(chatId, 1);
		assertThat(this.redis.hasKey(RedisKeys.chat(chatId))).as("message 2 is only in the cache").isTrue();

		this.reports.report(chatId, 2);
		assertThat(this.redis.hasKey(RedisKeys.chat(chatId))).isFalse();
		assertThat(CachedChats.keysNaming(this.redis, chatId)).isEmpty();
	}

	/** Without Kafka: only this test reports the chat stored (see CacheOnlySends). */
	private void sendCacheOnly(String chatId, User sender, User other, String text) {
		CacheOnlySends.send(this.context, chatId, sender.id(), text);
	}

	private String storedSeq(String chatId) {
		return (String) this.redis.opsForHash().get(RedisKeys.chat(chatId), "storedSeq");
	}

}
