package dev.carrier.e2e;

import static dev.carrier.e2e.support.CarrierApi.get;
import static dev.carrier.e2e.support.CarrierApi.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.carrier.e2e.support.CarrierApi;
import dev.carrier.e2e.support.Chats;
import dev.carrier.e2e.support.IntegrityCheck;
import dev.carrier.e2e.support.SendLoad;
import dev.carrier.e2e.support.Servers;
import dev.carrier.e2e.support.TestUser;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A 201 is forever under any request a stranger (or a member) can make: other spellings
 * of ids, reads of chats one is not in, while the chat is being sent to, evicted and
 * reloaded, and while requests on both chat-service instances reload one evicted chat at
 * once.
 */
class IntegrityUnderStrangersEndToEndTests {

	private static final Duration EVICTION = Duration.ofSeconds(60);

	@Test
	void strangersAndOtherSpellingsOfTheIdChangeNothingWhileAChatIsSentToEvictedAndReloaded() throws Exception {
		TestUser alice = TestUser.signUp("alice");
		TestUser bob = TestUser.signUp("bob");
		TestUser eve = TestUser.signUp("eve");
		String chatId = Chats.create(alice, List.of(bob.username()), null).get("id").asString();
		String upper = chatId.toUpperCase(Locale.ROOT);
		String mixed = chatId.substring(0, 9) + chatId.substring(9).toUpperCase(Locale.ROOT);
		Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
		AtomicBoolean hammering = new AtomicBoolean(true);
		AtomicBoolean memberHammering = new AtomicBoolean(true);
		List<SendLoad.Ack> acks = new ArrayList<>();
		Map<String, List<SendLoad.Ack>> bySender = new ConcurrentHashMap<>();

		List<String> memberPaths = List.of("/api/chats/" + upper, "/api/chats/" + mixed,
				"/api/chats/" + upper + "/messages");
		try (ExecutorService hammers = Executors.newFixedThreadPool(3)) {
			Future<?> stranger = hammers.submit(() -> hammer(hammering, answers, eve,
					List.of("/api/chats/" + upper, "/api/chats/" + chatId, "/api/chats/" + chatId + "/messages",
							"/api/chats/" + upper + "/messages", "/api/chats/" + mixed + "/messages?afterSeq=0"),
					true));
			Future<?> member = hammers.submit(() -> hammer(memberHammering, answers, bob, memberPaths, false));

			// sent to
			collect(SendLoad.start(List.of(new SendLoad.Sender(alice, List.of(chatId))), 100, "before"), acks,
					bySender);
			// evicted: every member logs out (and stays out); the stranger goes on
			memberHammering.set(false);
			member.get();
			assertThat(post("/api/auth/logout", alice.token(), null).status()).isEqualTo(204);
			assertThat(post("/api/auth/logout", bob.token(), null).status()).isEqualTo(204);
			Awaitility.await("the chat leaves the cache")
				.atMost(EVICTION)
				.pollInterval(Duration.ofMillis(200))
				.until(() -> !Servers.redisHasKey("carrier:chat:chat:" + chatId));
			// nobody but a member's own request may bring it back: strangers hammer for a
			// while
			Thread.sleep(1500);
			assertThat(Servers.redisHasKey("carrier:chat:chat:" + chatId)).as("reloaded by a stranger").isFalse();
			// reloaded: alice comes back and sends on, bob reads other spellings again
			TestUser aliceAgain = alice.loggedInAgain();
			TestUser bobAgain = bob.loggedInAgain();
			memberHammering.set(true);
			Future<?> memberAgain = hammers
				.submit(() -> hammer(memberHammering, answers, bobAgain, memberPaths, false));
			collect(SendLoad.start(List.of(new SendLoad.Sender(aliceAgain, List.of(chatId))), 200, "after"), acks,
					bySender);
			hammering.set(false);
			memberHammering.set(false);
			stranger.get();
			memberAgain.get();
		}

		assertThat(answers.keySet()).as("what the hammering got: %s", answers).containsOnly("404", "200-list");
		assertThat(IntegrityCheck.keysNaming(upper)).as("keys under the upper-case id").isEmpty();
		assertThat(IntegrityCheck.keysNaming(mixed)).as("keys under a mixed-case id").isEmpty();
		IntegrityCheck.verify(acks, Map.of(chatId, bob), bySender);
		System.out.printf("strangers: %d acknowledged, hammering answers %s%n", acks.size(), answers);
	}

	@Test
	void requestsOnBothChatServiceInstancesReloadingOneEvictedChatAtOnceLoseNothing() throws Exception {
		TestUser carol = TestUser.signUp("carol");
		TestUser dave = TestUser.signUp("dave");
		String chatId = Chats.create(carol, List.of(dave.username()), null).get("id").asString();
		List<SendLoad.Ack> acks = new ArrayList<>();
		Map<String, List<SendLoad.Ack>> bySender = new ConcurrentHashMap<>();
		collect(SendLoad.start(
				List.of(new SendLoad.Sender(carol, List.of(chatId)), new SendLoad.Sender(dave, List.of(chatId))), 30,
				"first"), acks, bySender);
		assertThat(post("/api/auth/logout", carol.token(), null).status()).isEqualTo(204);
		assertThat(post("/api/auth/logout", dave.token(), null).status()).isEqualTo(204);
		Awaitility.await("the chat leaves the cache")
			.atMost(EVICTION)
			.pollInterval(Duration.ofMillis(200))
			.until(() -> !Servers.redisHasKey("carrier:chat:chat:" + chatId));

		TestUser carolAgain = carol.loggedInAgain();
		TestUser daveAgain = dave.loggedInAgain();
		// the gateway balances over both chat-service instances: these reads and sends
		// reach both,
		// every one of them finding the chat missing from the cache at first
		List<Integer> readStatuses = java.util.Collections.synchronizedList(new ArrayList<>());
		SendLoad sends;
		try (ExecutorService readers = Executors.newFixedThreadPool(8)) {
			List<Future<?>> reads = new ArrayList<>();
			sends = SendLoad.start(List.of(new SendLoad.Sender(carolAgain, List.of(chatId)),
					new SendLoad.Sender(daveAgain, List.of(chatId))), 30, "second");
			for (int i = 0; i < 16; i++) {
				TestUser reader = (i % 2 == 0) ? carolAgain : daveAgain;
				reads.add(readers.submit(() -> readStatuses.add(get("/api/chats/" + chatId, reader.token()).status())));
			}
			for (Future<?> read : reads) {
				read.get();
			}
		}
		collect(sends, acks, bySender);

		assertThat(readStatuses).as("reads of the chat while it is reloaded").containsOnly(200);
		IntegrityCheck.verify(acks, Map.of(chatId, carol), bySender);
	}

	private static void collect(SendLoad load, List<SendLoad.Ack> acks, Map<String, List<SendLoad.Ack>> bySender)
			throws Exception {
		try (load) {
			acks.addAll(load.finish());
			assertThat(load.failures()).as("failed attempts (each retried)").doesNotContainKey(500);
			load.bySender()
				.forEach((sender, own) -> bySender.computeIfAbsent(sender, s -> new ArrayList<>()).addAll(own));
		}
	}

	/**
	 * Calls the paths over and over (and the caller's chat list, when asked: it renews
	 * the leases of the caller's own chats, so a member must not); every path must answer
	 * 404.
	 */
	private static Void hammer(AtomicBoolean going, Map<String, AtomicInteger> answers, TestUser who,
			List<String> paths, boolean alsoList) {
		String token = who.token();
		while (going.get()) {
			for (String path : paths) {
				CarrierApi.Reply reply = get(path, token);
				if (reply.status() == 401) {
					token = who.loggedInAgain().token();
					continue;
				}
				answers.computeIfAbsent(String.valueOf(reply.status()), s -> new AtomicInteger()).incrementAndGet();
			}
			CarrierApi.Reply list = alsoList ? get("/api/chats", token) : null;
			if (list != null && list.status() == 200) {
				answers.computeIfAbsent("200-list", s -> new AtomicInteger()).incrementAndGet();
			}
		}
		return null;
	}

}
