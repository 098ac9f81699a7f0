package dev.carrier.e2e.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import dev.carrier.e2e.support.CarrierApi;
import dev.carrier.e2e.support.Chats;
import dev.carrier.e2e.support.EventSocket;
import dev.carrier.e2e.support.TestUser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A steady send load (several senders over several chats, retrying the same
 * clientMessageId, logging in again on 401) with live WebSocket readers, while one server
 * at a time is killed with {@code kill -9} and restarted: Redis, the Kafka broker,
 * MariaDB, persistence-service, the second chat-service, the gateway. For each fault:
 * messages acknowledged (201), messages in MySQL afterwards, lost (must be 0), duplicated
 * (must be 0), out of order (must be 0: a sender's acknowledged messages whose seqs in
 * MySQL are not in the order they were acknowledged, or a seq held twice in a chat),
 * failed sends (problems, never a hang past the client timeout), and the seconds until
 * every service is UP again.
 *
 * <p>
 * Redis and MariaDB are the project's own ({@code CARRIER_OWN_STORES=1}, which
 * {@code ./carrier test} and {@code ./carrier chaos} set): they are killed by the PID
 * {@code ./carrier} recorded and started again with {@code ./carrier start-store}, never
 * a machine's server.
 *
 * <p>
 * Short form by default (part of {@code ./carrier test});
 * {@code -Dcarrier.chaos.full=true} or {@code CARRIER_CHAOS_FULL=true}
 * ({@code scripts/chaos.sh}) runs a longer, heavier load.
 * {@code -Dcarrier.chaos.faults=redis,gateway} picks faults ({@code none} = the load
 * alone); {@code -Dcarrier.chaos.redis-repeats=10} runs the Redis fault that many times
 * in a row (default 1; {@code ./carrier chaos} runs it 10 times).
 *
 * <p>
 * The load is made by {@link RetryingSender}, the faults by {@link Faults}, the counting
 * by {@link MySqlLedger} and the table by {@link ChaosReport}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChaosEndToEndTests {

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	private final List<Sender> senders = new ArrayList<>();

	private final List<TestUser> readers = new ArrayList<>();

	private final List<String> chatIds = new ArrayList<>();

	@BeforeAll
	void sendersReadersAndChats() {
		for (int i = 0; i < ChaosSettings.CHATS; i++) {
			TestUser reader = TestUser.signUp("creader");
			readers.add(reader);
		}
		for (int i = 0; i < ChaosSettings.SENDERS; i++) {
			TestUser sender = TestUser.signUp("csender");
			TestUser reader = readers.get(i % ChaosSettings.CHATS);
			String chatId = Chats.create(sender, List.of(reader.username()), null).get("id").asString();
			chatIds.add(chatId);
			senders.add(new Sender(sender, chatId, new AtomicReference<>(sender.token())));
		}
	}

	@Test
	void noAcknowledgedMessageIsLostOrDuplicatedWhileEachServerIsKilledAndEveryServiceComesBack() throws Exception {
		assertThat(ServiceHealth.allServicesUp()).as("every service is UP before the chaos starts").isTrue();
		List<Phase> phases = new ArrayList<>();
		phases.add(runPhase("none", "none (baseline)"));
		for (String fault : ChaosSettings.FAULTS) {
			int times = fault.equals("redis") ? Math.max(1, ChaosSettings.REDIS_REPEATS) : 1;
			for (int i = 1; i <= times; i++) {
				phases.add(runPhase(fault, times == 1 ? fault : fault + " #" + i));
			}
		}
		ChaosReport.printTable(phases);
		for (Phase phase : phases) {
			assertThat(phase.acknowledged).as("%s: some messages were acknowledged", phase.label).isNotEmpty();
			assertThat(phase.lost).as("%s: acknowledged messages missing from MySQL", phase.label).isZero();
			assertThat(phase.duplicated).as("%s: messages stored more than once", phase.label).isZero();
			assertThat(phase.outOfOrder)
				.as("%s: acknowledged messages whose seqs are out of order or held twice", phase.label)
				.isZero();
			assertThat(phase.hung.sum()).as("%s: sends that hung past the client timeout", phase.label).isZero();
			assertThat(phase.notProblems.sum())
				.as("%s: failed sends answered without a problem document: %s", phase.label, phase.oddAnswers)
				.isZero();
			// A dead server is "unavailable" (503) or "timed out" (504), never our own
			// internal error.
			assertThat(phase.statuses).as("%s: failed sends answered 500", phase.label).doesNotContainKey(500);
			assertThat(phase.upSeconds).as("%s: seconds until every service is UP again", phase.label)
				.isLessThan(ChaosSettings.RECOVERY_LIMIT.toSeconds());
		}
	}

	// ---------------------------------------------------------- one fault under load

	private Phase runPhase(String fault, String label) throws Exception {
		Phase phase = new Phase(fault, label, run);
		System.out.printf("chaos: %s ...%n", label);
		List<EventSocket> live = connectReaders();
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<?>> load = new ArrayList<>();
			for (int i = 0; i < senders.size(); i++) {
				Sender sender = senders.get(i);
				int number = i;
				load.add(pool.submit(() -> RetryingSender.sendUntilStopped(phase, sender, number)));
			}
			try {
				Thread.sleep(ChaosSettings.LOAD_BEFORE.toMillis());
				if (!fault.equals("none")) {
					long killed = System.nanoTime();
					Faults.killAndRestart(fault);
					phase.restartSeconds = (System.nanoTime() - killed) / 1e9;
					phase.upSeconds = ServiceHealth.awaitAllServicesUp(killed);
				}
				else {
					phase.upSeconds = 0;
				}
				Thread.sleep(ChaosSettings.LOAD_AFTER.toMillis());
			}
			catch (Exception | Error ex) {
				// The senders must stop, or closing the pool would wait for them forever.
				phase.aborted = true;
				throw ex;
			}
			finally {
				phase.stopping = true;
			}
			for (Future<?> sending : load) {
				sending.get(
						ChaosSettings.MESSAGE_DEADLINE.plus(ChaosSettings.CLIENT_TIMEOUT).plusSeconds(30).toMillis(),
						TimeUnit.MILLISECONDS);
			}
		}
		phase.liveEvents = live.stream()
			.mapToInt(socket -> (int) socket.events("message.created")
				.stream()
				.filter(e -> e.path("message").path("text").asString().startsWith(phase.tag))
				.count())
			.sum();
		live.forEach(ChaosEndToEndTests::closeQuietly);
		new MySqlLedger(chatIds).countWhatMySqlHolds(phase);
		System.out.printf(
				"chaos: %s: %d acknowledged, %d in MySQL, %d lost, %d duplicated, %d out of order (%d seqs moved), all UP after %.1f s%n",
				label, phase.acknowledged.size(), phase.inMySql, phase.lost, phase.duplicated, phase.outOfOrder,
				phase.seqMoved, phase.upSeconds);
		return phase;
	}

	private List<EventSocket> connectReaders() {
		List<EventSocket> sockets = new ArrayList<>();
		for (int i = 0; i < readers.size(); i++) {
			TestUser reader = readers.get(i);
			if (CarrierApi.get("/api/users/me", reader.token()).status() == 401) {
				reader = reader.loggedInAgain();
				readers.set(i, reader);
			}
			try {
				sockets.add(EventSocket.connect(reader.token()));
			}
			catch (RuntimeException ex) {
				System.out.println("chaos: a reader could not connect: " + ex.getMessage());
			}
		}
		return sockets;
	}

	private static void closeQuietly(EventSocket socket) {
		try {
			socket.close();
		}
		catch (RuntimeException ex) {
			// already closed by the fault
		}
	}

}
