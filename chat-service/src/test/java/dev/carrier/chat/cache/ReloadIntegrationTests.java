package dev.carrier.chat.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import dev.carrier.chat.RedisKeys;
import dev.carrier.chat.support.CachedChats;
import dev.carrier.chat.support.IntegrationTestSupport;
import dev.carrier.chat.support.StubPersistenceService.DurableChat;
import dev.carrier.chat.support.StubAuthService.User;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reloading a chat the cache lacks from persistence-service's snapshot (ChatReloader,
 * begin-reload.lua, install-snapshot.lua) against the real Redis: only for members, only
 * for canonical ids, one snapshot per chat at a time, and never over a cached chat or
 * after the claim was lost.
 */
class ReloadIntegrationTests extends IntegrationTestSupport {

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	ChatReloader reloader;

	@Test
	void aNonCanonicalChatIdIs404ForAMemberAndNeitherAsksNorWritesAnything() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		String chatId = evictedDurableChat(alice, bob);
		List<String> spellings = List.of(chatId.toUpperCase(Locale.ROOT), chatId.replace("-", ""),
				chatId.substring(0, 24) + chatId.substring(24).toUpperCase(Locale.ROOT), "urn:uuid:" + chatId);

		for (String spelling : spellings) {
			String base = "/api/chats/" + spelling;
			List<Reply> replies = List.of(get(base, alice.id()), get(base + "/messages", alice.id()),
					post(base + "/messages", alice.id(),
							Map.of("text", "hi", "clientMessageId", UUID.randomUUID().toString())),
					post(base + "/read", alice.id(), Map.of("seq", 1)));

			for (Reply reply : replies) {
				assertThat(reply.status()).as(spelling + " " + reply.body()).isEqualTo(404);
			}
			assertThat(CachedChats.keysNaming(this.redis, spelling)).as(spelling).isEmpty();
			assertThat(PERSISTENCE.requestsMentioning(spelling)).as(spelling).isEmpty();
		}
		assertThat(PERSISTENCE.memberChecks(chatId)).isZero();
		assertThat(PERSISTENCE.snapshotRequests(chatId)).isZero();
		assertThat(CachedChats.keysNaming(this.redis, chatId)).isEmpty();
	}

	@Test
	void aStrangersRequestForAnEvictedChatOnlyAsksForMembershipAndWritesNoKey() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		User eve = AUTH.newUser("eve");
		String chatId = evictedDurableChat(alice, bob);

		Reply open = get("/api/chats/" + chatId, eve.id());
		Reply send = post("/api/chats/" + chatId + "/messages", eve.id(),
				Map.of("text", "let me in", "clientMessageId", "c1"));
		Reply unknown = get("/api/chats/" + UUID.randomUUID(), eve.id());

		assertThat(open.status()).isEqualTo(404);
		assertThat(send.status()).isEqualTo(404);
		assertThat(open.json().path("detail").asString()).isEqualTo(unknown.json().path("detail").asString());
		assertThat(PERSISTENCE.memberChecks(chatId)).isEqualTo(2);
		assertThat(PERSISTENCE.snapshotRequests(chatId)).isZero();
		assertThat(PERSISTENCE.requestsMentioning(chatId))
			.allMatch(request -> request.startsWith("GET /internal/chats/" + chatId + "/members/" + eve.id()));
		assertThat(CachedChats.keysNaming(this.redis, chatId)).as("no reload claim, no hash, no lease").isEmpty();
	}

	@Test
	void aMembersRequestReloadsTheChatAndTheNextSendFollowsTheSnapshotsLastSeq() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		String chatId = createChat(alice, null, bob).path("id").asString();
		List<String> ids = new ArrayList<>();
		for (int i = 1; i <= 3; i++) {
			ids.add(send(chatId, (i % 2 == 0) ? bob : alice, "m" + i).path("id").asString());
		}
		PERSISTENCE.putChat(CachedChats.durableCopy(this.redis, chatId));
		CachedChats.lose(this.redis, chatId);

		Reply reply = get("/api/chats/" + chatId, bob.id());

		assertThat(reply.status()).isEqualTo(200);
		assertThat(PERSISTENCE.snapshotRequests(chatId)).isEqualTo(1);
		Map<Object, Object> hash = this.redis.opsForHash().entries(RedisKeys.chat(chatId));
		assertThat(hash).containsEntry("lastSeq", "3")
			.containsEntry("storedSeq", "3")
			.containsEntry("generation", String.valueOf(PERSISTENCE.generation(chatId)));
		assertThat(this.redis.hasKey(RedisKeys.lease(chatId))).isTrue();
		assertThat(this.redis.hasKey(RedisKeys.reloadClaim(chatId))).isFalse();
		JsonNode page = get("/api/chats/" + chatId + "/messages", alice.id()).json();
		assertThat(seqs(page)).containsExactly(1L, 2L, 3L);
		assertThat(page.findValuesAsString("id")).containsExactlyElementsOf(ids);

		JsonNode next = send(chatId, alice, "after the reload");

		assertThat(next.path("seq").asLong()).isEqualTo(4);
		assertThat(seqs(get("/api/chats/" + chatId + "/messages", bob.id()).json())).containsExactly(1L, 2L, 3L, 4L);
	}

	@Test
	void theInstallNeverOverwritesAChatThatIsCached() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		String chatId = createChat(alice, null, bob).path("id").asString();
		DurableChat durable = CachedChats.durableCopy(this.redis, chatId);
		PERSISTENCE.putChat(durable.withLastSeq(10, List.of()));
		this.redis.opsForHash().put(RedisKeys.chat(chatId), "lastSeq", "40");

		// cached before the reload: nothing is claimed, nothing asked
		this.reloader.reload(List.of(chatId));
		assertThat(PERSISTENCE.snapshotRequests(chatId)).isZero();
		assertThat(this.redis.opsForHash().get(RedisKeys.chat(chatId), "lastSeq")).isEqualTo("40");

		// cached again while the snapshot is read (another instance reloaded or created
		// it)
		Map<Object, Object> cached = this.redis.opsForHash().entries(RedisKeys.chat(chatId));
		CachedChats.lose(this.redis, chatId);
		PERSISTENCE.onSnapshot(chatId, id -> {
			this.redis.opsForHash().putAll(RedisKeys.chat(id), cached);
			this.redis.opsForSet().add(RedisKeys.members(id), alice.id(), bob.id());
		});
		try {
			Reply reply = get("/api/chats/" + chatId, alice.id());

			assertThat(reply.status()).isEqualTo(200);
			assertThat(PERSISTENCE.snapshotRequests(chatId)).isEqualTo(1);
			assertThat(this.redis.opsForHash().get(RedisKeys.chat(chatId), "lastSeq")).isEqualTo("40");
			assertThat(this.redis.opsForHash().hasKey(RedisKeys.chat(chatId), "generation")).isFalse();
			assertThat(this.redis.hasKey(RedisKeys.reloadClaim(chatId))).isFalse();
			assertThat(send(chatId, bob, "next").path("seq").asLong()).isEqualTo(41);
		}
		finally {
			PERSISTENCE.onSnapshot(chatId, null);
		}
	}

	@Test
	void aReloadWhoseClaimVanishedInstallsNothingAndAnswers503WithRetryAfter() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		String chatId = evictedDurableChat(alice, bob);
		// the cache is lost (flushed, restarted) while persistence-service reads the
		// snapshot
		PERSISTENCE.onSnapshot(chatId, id -> this.redis.delete(RedisKeys.reloadClaim(id)));
		Reply lost;
		try {
			lost = get("/api/chats/" + chatId, bob.id());
		}
		finally {
			PERSISTENCE.onSnapshot(chatId, null);
		}

		assertThat(lost.status()).isEqualTo(503);
		assertThat(lost.raw().headers().firstValue("Retry-After")).isPresent();
		assertThat(lost.contentType()).startsWith("application/problem+json");
		assertThat(CachedChats.keysNaming(this.redis, chatId)).as("nothing installed").isEmpty();

		Reply retried = get("/api/chats/" + chatId, bob.id());

		assertThat(retried.status()).isEqualTo(200);
		assertThat(this.redis.opsForHash().get(RedisKeys.chat(chatId), "generation"))
			.isEqualTo(String.valueOf(PERSISTENCE.generation(chatId)));
	}

	@Test
	void aReloadPersistenceCannotProveCurrentAnswers503AndLeavesNoClaim() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		String chatId = evictedDurableChat(alice, bob);
		PERSISTENCE.setSnapshotsUnavailable(true);
		Reply reply;
		try {
			reply = get("/api/chats/" + chatId, alice.id());
		}
		finally {
			PERSISTENCE.setSnapshotsUnavailable(false);
		}

		assertThat(reply.status()).isEqualTo(503);
		assertThat(reply.raw().headers().firstValue("Retry-After")).isPresent();
		assertThat(CachedChats.keysNaming(this.redis, chatId)).as("claim released, nothing installed").isEmpty();
		assertThat(get("/api/chats/" + chatId, alice.id()).status()).isEqualTo(200);
	}

	@Test
	void concurrentReloadsOfOneChatAskForOneSnapshotAndAllSucceed() throws Exception {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		String chatId = evictedDurableChat(alice, bob);
		// a slow snapshot, so every request finds the reload in progress
		PERSISTENCE.onSnapshot(chatId, id -> sleep(500));
		List<Reply> replies;
		try {
			replies = concurrently(8, i -> get("/api/chats/" + chatId, ((i % 2 == 0) ? alice : bob).id()));
		}
		finally {
			PERSISTENCE.onSnapshot(chatId, null);
		}

		assertThat(replies).extracting(Reply::status).containsOnly(200);
		assertThat(PERSISTENCE.snapshotRequests(chatId)).isEqualTo(1);
		assertThat(PERSISTENCE.generation(chatId)).isEqualTo(1);
		assertThat(this.redis.opsForHash().get(RedisKeys.chat(chatId), "generation")).isEqualTo("1");
	}

	@Test
	void membersWaitingOnAnotherRequestsFailedReloadGet503NotAChatNotFound() throws Exception {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		String chatId = evictedDurableChat(alice, bob);
		// persistence-service fails the snapshot, slowly: the other requests wait for
		// this reload
		PERSISTENCE.onSnapshot(chatId, id -> {
			sleep(300);
			throw new IllegalStateException("snapshot failed");
		});
		List<Reply> replies;
		try {
			replies = concurrently(4, i -> get("/api/chats/" + chatId, ((i % 2 == 0) ? alice : bob).id()));
		}
		finally {
			PERSISTENCE.onSnapshot(chatId, null);
		}

		assertThat(replies).extracting(Reply::status).containsOnly(503);
		assertThat(replies).allMatch(reply -> reply.raw().headers().firstValue("Retry-After").isPresent());
		assertThat(CachedChats.keysNaming(this.redis, chatId)).isEmpty();
		assertThat(get("/api/chats/" + chatId, alice.id()).status()).isEqualTo(200);
	}

	/** A direct chat with one message that MySQL holds and the cache has lost. */
	private String evictedDurableChat(User alice, User bob) {
		String chatId = createChat(alice, null, bob).path("id").asString();
		send(chatId, alice, "hello");
		PERSISTENCE.putChat(CachedChats.durableCopy(this.redis, chatId));
		CachedChats.lose(this.redis, chatId);
		return chatId;
	}

	/**
	 * Runs the requests at once, on as many threads, and returns their replies in order.
	 */
	private static List<Reply> concurrently(int count, IntFunction<Reply> request) throws Exception {
		List<Reply> replies = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(count)) {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Reply>> futures = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				int index = i;
				futures.add(pool.submit(() -> {
					start.await();
					return request.apply(index);
				}));
			}
			start.countDown();
			for (Future<Reply> future : futures) {
				replies.add(future.get());
			}
		}
		return replies;
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
