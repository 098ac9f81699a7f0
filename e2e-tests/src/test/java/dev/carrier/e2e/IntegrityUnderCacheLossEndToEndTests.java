package dev.carrier.e2e;

import static dev.carrier.e2e.support.CarrierApi.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.carrier.e2e.support.Chats;
import dev.carrier.e2e.support.IntegrityCheck;
import dev.carrier.e2e.support.SendLoad;
import dev.carrier.e2e.support.Servers;
import dev.carrier.e2e.support.TestUser;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A 201 is forever when the cache is lost under load (FLUSHALL, kill -9 of Redis) and
 * when persistence-service dies while chats are being flushed: each run counts every
 * acknowledged message exactly once in MySQL and through the API, with contiguous seqs.
 */
class IntegrityUnderCacheLossEndToEndTests {

	private static final int SENDERS = 8;

	private static final int CHATS = 16;

	private static final int MESSAGES_EACH = 120;

	@Test
	void flushAllInTheMiddleOfALoadLosesNothing() throws Exception {
		Load load = load("flush");
		try (SendLoad sends = SendLoad.start(load.senders(), MESSAGES_EACH, "flush")) {
			sends.awaitAcknowledged(SENDERS * MESSAGES_EACH / 3);
			Servers.redisCli("FLUSHALL");
			verify(load, sends, "FLUSHALL");
		}
	}

	@Test
	void redisKilledInTheMiddleOfALoadAndRestartedLosesNothing() throws Exception {
		Load load = load("kill");
		try (SendLoad sends = SendLoad.start(load.senders(), MESSAGES_EACH, "kill")) {
			sends.awaitAcknowledged(SENDERS * MESSAGES_EACH / 3);
			Servers.killRedis();
			Thread.sleep(3000);
			Servers.startRedis();
			verify(load, sends, "kill -9 Redis");
		}
	}

	@Test
	void persistenceKilledWhileChatsAreFlushedLosesNothingAndTheChatsLeaveTheCacheAfterwards() throws Exception {
		Load load = load("flushing");
		List<SendLoad.Ack> acks;
		Map<String, List<SendLoad.Ack>> bySender;
		try (SendLoad sends = SendLoad.start(load.senders(), 60, "flushing")) {
			acks = sends.finish();
			bySender = sends.bySender();
		}
		// every member logs out: the chats' leases shrink to the grace and they are
		// flushed out,
		// while persistence-service dies in the middle of writing and reporting them
		for (SendLoad.Sender sender : load.senders()) {
			assertThat(post("/api/auth/logout", sender.user().token(), null).status()).isEqualTo(204);
		}
		for (TestUser partner : load.partners()) {
			assertThat(post("/api/auth/logout", partner.token(), null).status()).isEqualTo(204);
		}
		Servers.killHard("persistence-service");
		Thread.sleep(2000);
		Servers.carrierUp();
		Awaitility.await("every chat leaves the cache once MySQL holds it")
			.atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> load.readers()
				.keySet()
				.stream()
				.noneMatch(id -> Servers.redisHasKey("carrier:chat:chat:" + id)));
		IntegrityCheck.verify(acks, load.readers(), bySender);
		// and each chat goes on where it stopped
		String chatId = load.senders().getFirst().chatIds().getFirst();
		long last = acks.stream().filter(ack -> ack.chatId().equals(chatId)).count();
		TestUser sender = load.senders().getFirst().user().loggedInAgain();
		assertThat(Chats.send(sender, chatId, "after the flush").get("seq").asLong()).isEqualTo(last + 1);
	}

	private static void verify(Load load, SendLoad sends, String fault) throws Exception {
		List<SendLoad.Ack> acks = sends.finish();
		assertThat(acks).hasSize(SENDERS * MESSAGES_EACH);
		assertThat(sends.failures()).as("failed attempts (each retried)").doesNotContainKey(500);
		IntegrityCheck.verify(acks, load.readers(), sends.bySender());
		System.out.printf("%s: %d acknowledged, 0 lost, 0 duplicated, 0 out of order; failed attempts %s%n", fault,
				acks.size(), sends.failures());
	}

	/** SENDERS users, each with CHATS / SENDERS direct chats of their own. */
	private static Load load(String label) {
		List<SendLoad.Sender> senders = new ArrayList<>();
		List<TestUser> partners = new ArrayList<>();
		Map<String, TestUser> readers = new HashMap<>();
		for (int s = 0; s < SENDERS; s++) {
			TestUser sender = TestUser.signUp(label);
			List<String> chats = new ArrayList<>();
			for (int c = 0; c < CHATS / SENDERS; c++) {
				TestUser partner = TestUser.signUp("peer");
				String chatId = Chats.create(sender, List.of(partner.username()), null).get("id").asString();
				chats.add(chatId);
				partners.add(partner);
				readers.put(chatId, partner);
			}
			senders.add(new SendLoad.Sender(sender, chats));
		}
		return new Load(senders, partners, readers);
	}

	private record Load(List<SendLoad.Sender> senders, List<TestUser> partners, Map<String, TestUser> readers) {
	}

}
