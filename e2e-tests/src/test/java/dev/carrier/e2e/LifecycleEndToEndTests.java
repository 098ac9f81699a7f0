package dev.carrier.e2e;

import static dev.carrier.e2e.support.CarrierApi.get;
import static dev.carrier.e2e.support.CarrierApi.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import dev.carrier.e2e.support.CarrierApi;
import dev.carrier.e2e.support.Chats;
import dev.carrier.e2e.support.Servers;
import dev.carrier.e2e.support.TestUser;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * README.md "The cache lifecycle" on the running system: flush on logout, hydration at
 * login, zero loss.
 */
class LifecycleEndToEndTests {

	private static final Duration LOGOUT_GRACE = CarrierApi.envDuration("CARRIER_CHAT_LOGOUT_GRACE", "30s");

	@Test
	void aChatLeavesRedisForMySqlWhenEveryMemberLogsOutAndComesBackAtLogin() {
		TestUser ida = TestUser.signUp("ida");
		TestUser jon = TestUser.signUp("jon");
		String chatId = Chats.create(ida, List.of(jon.username()), null).get("id").asString();
		for (int i = 1; i <= 20; i++) {
			Chats.send(i % 2 == 0 ? ida : jon, chatId, "before logout " + i);
		}

		assertThat(post("/api/auth/logout", ida.token(), null).status()).isEqualTo(204);
		assertThat(post("/api/auth/logout", jon.token(), null).status()).isEqualTo(204);

		Awaitility.await("the chat is flushed and evicted")
			.atMost(LOGOUT_GRACE.plusSeconds(5))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> !Servers.redisHasKey("carrier:chat:chat:" + chatId)
					&& !Servers.redisHasKey("carrier:chat:messages:" + chatId));
		assertThat(Servers.mysqlLong("select count(*) from messages where chat_id = ?", chatId)).isEqualTo(20);
		assertThat(Servers.mysqlLong("select count(*) from chats where id = ?", chatId)).isEqualTo(1);

		TestUser idaAgain = ida.loggedInAgain();
		var chats = get("/api/chats", idaAgain.token());
		assertThat(chats.json()).hasSize(1);
		assertThat(chats.json().get(0).get("lastMessage").get("text").asString()).isEqualTo("before logout 20");
		var messages = get("/api/chats/" + chatId + "/messages", idaAgain.token()).json();
		assertThat(messages).hasSize(20);
		assertThat(Chats.send(idaAgain, chatId, "after login").get("seq").asLong()).isEqualTo(21);
	}

	@Test
	void noAcknowledgedMessageIsLostWhenRedisIsFlushedAndPersistenceIsKilled() throws Exception {
		int chatsCount = 50;
		int total = 10_000;
		List<TestUser> owners = new ArrayList<>();
		List<TestUser> partners = new ArrayList<>();
		List<String> chatIds = new ArrayList<>();
		for (int i = 0; i < chatsCount; i++) {
			TestUser owner = i < 10 ? TestUser.signUp("load") : owners.get(i % 10);
			TestUser partner = TestUser.signUp("peer");
			owners.add(owner);
			partners.add(partner);
			chatIds.add(Chats.create(owner, List.of(partner.username()), null).get("id").asString());
		}
		Map<String, AtomicReference<String>> tokens = new ConcurrentHashMap<>();
		owners.forEach(o -> tokens.computeIfAbsent(o.id(), id -> new AtomicReference<>(o.token())));

		Set<String> acknowledged = ConcurrentHashMap.newKeySet();
		AtomicInteger attempts = new AtomicInteger();
		AtomicInteger retries = new AtomicInteger();
		Thread chaos = new Thread(() -> {
			Awaitility.await().atMost(Duration.ofMinutes(5)).until(() -> acknowledged.size() >= total / 3);
			Servers.redisCli("FLUSHALL");
			Awaitility.await().atMost(Duration.ofMinutes(5)).until(() -> acknowledged.size() >= 2 * total / 3);
			Servers.killHard("persistence-service");
			Servers.carrierUp();
		});
		chaos.start();
		try (ExecutorService senders = Executors.newFixedThreadPool(16)) {
			List<Future<?>> sends = new ArrayList<>();
			for (int i = 0; i < total; i++) {
				int n = i;
				sends.add(senders.submit(() -> {
					int chat = n % chatsCount;
					TestUser owner = owners.get(chat);
					String clientMessageId = UUID.randomUUID().toString();
					long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
					while (System.nanoTime() < deadline) {
						attempts.incrementAndGet();
						AtomicReference<String> token = tokens.get(owner.id());
						var reply = CarrierApi.post("/api/chats/" + chatIds.get(chat) + "/messages", token.get(),
								Map.of("text", "load " + n, "clientMessageId", clientMessageId));
						if (reply.status() == 201) {
							acknowledged.add(reply.json().get("message").get("id").asString());
							return null;
						}
						retries.incrementAndGet();
						if (reply.status() == 401) {
							synchronized (token) {
								if (get("/api/users/me", token.get()).status() == 401) {
									token.set(logInPatiently(owner));
								}
							}
						}
						else {
							Thread.sleep(100);
						}
					}
					throw new AssertionError("message " + n + " was never acknowledged");
				}));
			}
			for (Future<?> send : sends) {
				send.get();
			}
		}
		chaos.join(Duration.ofMinutes(3).toMillis());
		assertThat(acknowledged).hasSize(total);

		String inList = String.join(",", chatIds.stream().map(id -> "'" + id + "'").toList());
		Awaitility.await("MySQL holds every acknowledged message")
			.atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> Servers.mysqlLong("select count(*) from messages where chat_id in (" + inList + ")") >= total);
		assertThat(Servers.mysqlLong("select count(*) from messages where chat_id in (" + inList + ")"))
			.as("exactly once")
			.isEqualTo(total);
		Set<String> stored = new HashSet<>(
				Servers.mysqlStrings("select id from messages where chat_id in (" + inList + ")"));
		assertThat(stored).isEqualTo(acknowledged);

		Set<String> served = new HashSet<>();
		for (int chat = 0; chat < chatsCount; chat++) {
			TestUser reader = partners.get(chat).loggedInAgain();
			for (JsonNode message : Chats.pageBackToTheFirst(reader, chatIds.get(chat), 200)) {
				assertThat(served.add(message.get("id").asString())).as("served once").isTrue();
			}
		}
		assertThat(served).isEqualTo(acknowledged);
		System.out.printf("zero-loss run: %d acknowledged, %d in MySQL, %d attempts, %d retried%n", acknowledged.size(),
				stored.size(), attempts.get(), retries.get());
	}

	/**
	 * Logs in again as a patient client does: after the cache loss the account is read
	 * from MySQL, so while persistence-service is down the login is a 503 to retry, not a
	 * failure.
	 */
	private static String logInPatiently(TestUser user) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
		while (true) {
			var login = CarrierApi.post("/api/auth/login", null,
					Map.of("login", user.username(), "password", user.password()));
			if (login.status() == 200 || System.nanoTime() > deadline) {
				assertThat(login.status()).as("login %s: %s", user.username(), login).isEqualTo(200);
				return login.json().get("token").asString();
			}
			Thread.sleep(500);
		}
	}

}
