package dev.carrier.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

import dev.carrier.e2e.support.CarrierApi;
import dev.carrier.e2e.support.Chats;
import dev.carrier.e2e.support.EventSocket;
import dev.carrier.e2e.support.Servers;
import dev.carrier.e2e.support.TestUser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

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
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChaosEndToEndTests {

	static final boolean FULL = Boolean.getBoolean("carrier.chaos.full")
			|| "true".equalsIgnoreCase(CarrierApi.env("CARRIER_CHAOS_FULL", "false"));

	static final int SENDERS = Integer.getInteger("carrier.chaos.senders", FULL ? 16 : 4);

	static final int CHATS = Integer.getInteger("carrier.chaos.chats", FULL ? 8 : 4);

	/** Load before the kill and after everything is UP again. */
	static final Duration LOAD_BEFORE = Duration.ofSeconds(FULL ? 20 : 3);

	static final Duration LOAD_AFTER = Duration.ofSeconds(FULL ? 30 : 3);

	/**
	 * How long one message is retried (same clientMessageId) before the sender gives up
	 * on it.
	 */
	static final Duration MESSAGE_DEADLINE = Duration.ofSeconds(FULL ? 180 : 90);

	/** The client's own patience: a send that takes longer is a hang. */
	static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(15);

	static final Duration RECOVERY_LIMIT = Duration.ofSeconds(240);

	static final Duration MYSQL_WAIT = Duration.ofSeconds(FULL ? 180 : 90);

	static final List<String> FAULTS = Arrays
		.stream(System.getProperty("carrier.chaos.faults",
				CarrierApi.env("CARRIER_CHAOS_FAULTS",
						"redis,kafka,mariadb,persistence-service,chat-service-2,gateway"))
			.split(","))
		.map(String::trim)
		.filter(f -> !f.isEmpty() && !f.equals("none"))
		.toList();

	/** How many times in a row the Redis fault runs (each one a phase of its own). */
	static final int REDIS_REPEATS = Integer.getInteger("carrier.chaos.redis-repeats",
			Integer.parseInt(CarrierApi.env("CARRIER_CHAOS_REDIS_REPEATS", "1")));

	static final Map<String, Integer> SERVICE_PORTS = new LinkedHashMap<>(Map.of("gateway", 8080, "auth-service", 8081,
			"chat-service", 8082, "persistence-service", 8083, "chat-service-2", 8084));

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	final String run = UUID.randomUUID().toString().substring(0, 8);

	final List<Sender> senders = new ArrayList<>();

	final List<TestUser> readers = new ArrayList<>();

	final List<String> chatIds = new ArrayList<>();

	/**
	 * A user who sends into one chat, with a token that is replaced when the session
	 * dies.
	 */
	record Sender(TestUser user, String chatId, AtomicReference<String> token) {
	}

	/**
	 * One acknowledged message: who sent it, as their how-manieth, and the seq the 201
	 * gave it.
	 */
	record Ack(int sender, int n, String id, long seq) {
	}

	/** What happened during one fault. */
	static final class Phase {

		/** What is killed: redis, kafka, ..., or none. */
		final String fault;

		/** The fault as reported: {@code redis #3} for the third Redis kill in a row. */
		final String label;

		final String tag;

		final ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();

		volatile boolean stopping;

		/**
		 * The fault could not be carried out: senders give up at once instead of
		 * retrying.
		 */
		volatile boolean aborted;

		final Map<String, String> acknowledged = new ConcurrentHashMap<>(); // message id
																			// -> text

		final Set<String> texts = ConcurrentHashMap.newKeySet();

		final LongAdder attempts = new LongAdder();

		final LongAdder problems = new LongAdder();

		final LongAdder notProblems = new LongAdder();

		final LongAdder refused = new LongAdder();

		final LongAdder hung = new LongAdder();

		final LongAdder gaveUp = new LongAdder();

		final LongAdder relogins = new LongAdder();

		final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();

		final ConcurrentLinkedQueue<String> oddAnswers = new ConcurrentLinkedQueue<>();

		long inMySql;

		long lost;

		long duplicated;

		/**
		 * Acknowledged messages whose MySQL seq breaks their sender's acknowledgement
		 * order, plus seqs held twice.
		 */
		long outOfOrder;

		/** Acknowledged messages whose seq in MySQL is not the one their 201 carried. */
		long seqMoved;

		double restartSeconds;

		double upSeconds = Double.NaN;

		int liveEvents;

		Phase(String fault, String label, String run) {
			this.fault = fault;
			this.label = label;
			this.tag = "chaos " + run + " " + label.replace(" #", "#") + " ";
		}

		long failedSends() {
			return problems.sum() + notProblems.sum() + refused.sum() + hung.sum();
		}

	}

	@BeforeAll
	void sendersReadersAndChats() {
		for (int i = 0; i < CHATS; i++) {
			TestUser reader = TestUser.signUp("creader");
			readers.add(reader);
		}
		for (int i = 0; i < SENDERS; i++) {
			TestUser sender = TestUser.signUp("csender");
			TestUser reader = readers.get(i % CHATS);
			String chatId = Chats.create(sender, List.of(reader.username()), null).get("id").asString();
			chatIds.add(chatId);
			senders.add(new Sender(sender, chatId, new AtomicReference<>(sender.token())));
		}
	}

	@Test
	void noAcknowledgedMessageIsLostOrDuplicatedWhileEachServerIsKilledAndEveryServiceComesBack() throws Exception {
		assertThat(allServicesUp()).as("every service is UP before the chaos starts").isTrue();
		List<Phase> phases = new ArrayList<>();
		phases.add(runPhase("none", "none (baseline)"));
		for (String fault : FAULTS) {
			int times = fault.equals("redis") ? Math.max(1, REDIS_REPEATS) : 1;
			for (int i = 1; i <= times; i++) {
				phases.add(runPhase(fault, times == 1 ? fault : fault + " #" + i));
			}
		}
		printTable(phases);
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
				.isLessThan(RECOVERY_LIMIT.toSeconds());
		}
	}

	// ------------------------------------------------------------------ one fault under
	// load

	Phase runPhase(String fault, String label) throws Exception {
		Phase phase = new Phase(fault, label, run);
		System.out.printf("chaos: %s ...%n", label);
		List<EventSocket> live = connectReaders();
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<?>> load = new ArrayList<>();
			for (int i = 0; i < senders.size(); i++) {
				Sender sender = senders.get(i);
				int number = i;
				load.add(pool.submit(() -> sendUntilStopped(phase, sender, number)));
			}
			try {
				Thread.sleep(LOAD_BEFORE.toMillis());
				if (!fault.equals("none")) {
					long killed = System.nanoTime();
					killAndRestart(fault);
					phase.restartSeconds = (System.nanoTime() - killed) / 1e9;
					phase.upSeconds = awaitAllServicesUp(killed);
				}
				else {
					phase.upSeconds = 0;
				}
				Thread.sleep(LOAD_AFTER.toMillis());
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
				sending.get(MESSAGE_DEADLINE.plus(CLIENT_TIMEOUT).plusSeconds(30).toMillis(), TimeUnit.MILLISECONDS);
			}
		}
		phase.liveEvents = live.stream()
			.mapToInt(socket -> (int) socket.events("message.created")
				.stream()
				.filter(e -> e.path("message").path("text").asString().startsWith(phase.tag))
				.count())
			.sum();
		live.forEach(ChaosEndToEndTests::closeQuietly);
		countWhatMySqlHolds(phase);
		System.out.printf(
				"chaos: %s: %d acknowledged, %d in MySQL, %d lost, %d duplicated, %d out of order (%d seqs moved), all UP after %.1f s%n",
				label, phase.acknowledged.size(), phase.inMySql, phase.lost, phase.duplicated, phase.outOfOrder,
				phase.seqMoved, phase.upSeconds);
		return phase;
	}

	void sendUntilStopped(Phase phase, Sender sender, int number) {
		int n = 0;
		while (!phase.stopping) {
			n++;
			String text = phase.tag + number + " " + n;
			String clientMessageId = UUID.randomUUID().toString();
			phase.texts.add(text);
			long deadline = System.nanoTime() + MESSAGE_DEADLINE.toNanos();
			while (true) {
				phase.attempts.increment();
				Attempt attempt = send(sender, text, clientMessageId);
				if (attempt.status() == 201) {
					JsonNode message = attempt.body().get("message");
					String id = message.get("id").asString();
					phase.acknowledged.put(id, text);
					phase.acks.add(new Ack(number, n, id, message.path("seq").asLong(-1)));
					break;
				}
				classify(phase, attempt);
				if (attempt.status() == 401) {
					logInAgain(phase, sender);
				}
				if (System.nanoTime() > deadline || phase.aborted) {
					phase.gaveUp.increment();
					break;
				}
				pause(250);
			}
		}
	}

	record Attempt(int status, JsonNode body, String contentType, String text, boolean timedOut) {
	}

	Attempt send(Sender sender, String text, String clientMessageId) {
		String json = CarrierApi.JSON.writeValueAsString(Map.of("text", text, "clientMessageId", clientMessageId));
		HttpRequest request = HttpRequest
			.newBuilder(CarrierApi.BASE.resolve("/api/chats/" + sender.chatId() + "/messages"))
			.timeout(CLIENT_TIMEOUT)
			.header("Authorization", "Bearer " + sender.token().get())
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(json))
			.build();
		try {
			var response = HTTP.send(request, BodyHandlers.ofString(StandardCharsets.UTF_8));
			JsonNode body = null;
			try {
				body = CarrierApi.JSON.readTree(response.body());
			}
			catch (RuntimeException ex) {
				// not JSON; classified below
			}
			return new Attempt(response.statusCode(), body, response.headers().firstValue("Content-Type").orElse(""),
					response.body(), false);
		}
		catch (HttpTimeoutException ex) {
			return new Attempt(-1, null, "", ex.toString(), true);
		}
		catch (IOException ex) {
			return new Attempt(-1, null, "", ex.toString(), false);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static void classify(Phase phase, Attempt attempt) {
		if (attempt.timedOut()) {
			phase.hung.increment();
			return;
		}
		if (attempt.status() == -1) {
			phase.refused.increment();
			return;
		}
		phase.statuses.computeIfAbsent(attempt.status(), k -> new LongAdder()).increment();
		boolean problem = attempt.contentType().startsWith("application/problem+json") && attempt.body() != null
				&& attempt.body().path("status").asInt() == attempt.status();
		if (problem) {
			phase.problems.increment();
		}
		else {
			phase.notProblems.increment();
			if (phase.oddAnswers.size() < 5) {
				phase.oddAnswers.add(attempt.status() + " " + attempt.contentType() + " "
						+ attempt.text().substring(0, Math.min(200, attempt.text().length())));
			}
		}
	}

	/**
	 * After Redis loses the sessions (or a password is changed) the sender logs in again,
	 * once per death.
	 */
	void logInAgain(Phase phase, Sender sender) {
		synchronized (sender) {
			String current = sender.token().get();
			var me = CarrierApi.get("/api/users/me", current);
			if (me.status() != 401) {
				return;
			}
			var login = CarrierApi.post("/api/auth/login", null,
					Map.of("login", sender.user().username(), "password", TestUser.PASSWORD));
			if (login.status() == 200) {
				sender.token().set(login.json().get("token").asString());
				phase.relogins.increment();
			}
		}
	}

	List<EventSocket> connectReaders() {
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

	static void closeQuietly(EventSocket socket) {
		try {
			socket.close();
		}
		catch (RuntimeException ex) {
			// already closed by the fault
		}
	}

	// ------------------------------------------------------------------ MySQL: lost,
	// duplicated, out of order

	void countWhatMySqlHolds(Phase phase) {
		String inList = String.join(",", chatIds.stream().distinct().map(id -> "'" + id + "'").toList());
		String sql = "select id from messages where chat_id in (" + inList + ") and text like ?";
		long deadline = System.nanoTime() + MYSQL_WAIT.toNanos();
		Set<String> stored = new HashSet<>();
		while (System.nanoTime() < deadline) {
			try {
				stored = new HashSet<>(Servers.mysqlStrings(sql, phase.tag + "%"));
				if (stored.containsAll(phase.acknowledged.keySet())) {
					break;
				}
			}
			catch (RuntimeException ex) {
				// MariaDB may still be starting
			}
			pause(1000);
		}
		Set<String> held = stored;
		phase.inMySql = held.size();
		phase.lost = phase.acknowledged.keySet().stream().filter(id -> !held.contains(id)).count();
		long rows = Servers.mysqlLong("select count(*) from messages where chat_id in (" + inList + ") and text like ?",
				phase.tag + "%");
		long distinctTexts = Servers.mysqlLong(
				"select count(distinct text) from messages where chat_id in (" + inList + ") and text like ?",
				phase.tag + "%");
		phase.duplicated = rows - distinctTexts;
		countOutOfOrder(phase, inList);
	}

	/**
	 * Each sender waits for one 201 before it sends the next, so its messages' seqs must
	 * rise in the order they were acknowledged; and no chat may hold one seq twice
	 * (counted over the chats' whole history, so a seq handed out again after a fault
	 * collides with the earlier phase's message too).
	 */
	static void countOutOfOrder(Phase phase, String inList) {
		Map<String, Long> seqs = new java.util.HashMap<>();
		for (String row : Servers.mysqlStrings(
				"select concat(id, ' ', seq) from messages where chat_id in (" + inList + ") and text like ?",
				phase.tag + "%")) {
			int space = row.lastIndexOf(' ');
			seqs.put(row.substring(0, space), Long.parseLong(row.substring(space + 1)));
		}
		Map<Integer, List<Ack>> bySender = new java.util.TreeMap<>();
		phase.acks.forEach(ack -> bySender.computeIfAbsent(ack.sender(), k -> new ArrayList<>()).add(ack));
		long outOfOrder = 0;
		long moved = 0;
		for (List<Ack> acks : bySender.values()) {
			acks.sort(java.util.Comparator.comparingInt(Ack::n));
			long highest = Long.MIN_VALUE;
			for (Ack ack : acks) {
				Long stored = seqs.get(ack.id());
				if (stored == null) {
					continue; // lost: counted as such
				}
				if (stored != ack.seq()) {
					moved++;
				}
				if (stored <= highest) {
					outOfOrder++;
				}
				highest = Math.max(highest, stored);
			}
		}
		long seqsHeldTwice = Servers.mysqlLong(
				"select count(*) - count(distinct chat_id, seq) from messages where chat_id in (" + inList + ")");
		phase.outOfOrder = outOfOrder + seqsHeldTwice;
		phase.seqMoved = moved;
	}

	// ------------------------------------------------------------------ killing and
	// restarting

	void killAndRestart(String fault) throws Exception {
		switch (fault) {
			case "redis" -> {
				Servers.killRedis();
				Servers.startRedis();
				awaitUntil("Redis answers", () -> Servers.redisCli("PING").contains("PONG"));
			}
			case "mariadb" -> {
				Servers.killMariaDb();
				Servers.startMariaDb();
				awaitUntil("MariaDB answers", () -> Servers.mysqlLong("select 1") == 1);
			}
			case "kafka", "persistence-service", "chat-service-2", "gateway", "chat-service", "auth-service" -> {
				String pid = Files.readString(Servers.ROOT.resolve(".carrier/pids/" + fault + ".pid")).trim();
				Servers.killHard(fault);
				awaitGone(pid);
				Servers.carrierUp();
			}
			default -> throw new IllegalArgumentException("unknown fault " + fault);
		}
	}

	/**
	 * Best effort: a killed process that nobody reaps lingers as a zombie, which holds no
	 * port.
	 */
	static void awaitGone(String pid) {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (System.nanoTime() < deadline
				&& ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false)) {
			pause(100);
		}
	}

	// ------------------------------------------------------------------ health

	static boolean serviceUp(int port) {
		try {
			// the gateway's public port has only /readyz; its actuator is on the
			// management port
			String path = (port == CarrierApi.BASE.getPort()) ? "/readyz" : "/actuator/health";
			var response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
				.timeout(Duration.ofSeconds(2))
				.build(), BodyHandlers.ofString());
			return response.statusCode() == 200
					&& "UP".equals(CarrierApi.JSON.readTree(response.body()).path("status").asString());
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	static boolean allServicesUp() {
		return SERVICE_PORTS.values().stream().allMatch(ChaosEndToEndTests::serviceUp);
	}

	/**
	 * Seconds from the kill until every service says UP, or NaN when they never do within
	 * the limit.
	 */
	static double awaitAllServicesUp(long killedNanos) {
		long deadline = killedNanos + RECOVERY_LIMIT.toNanos();
		while (System.nanoTime() < deadline) {
			if (allServicesUp()) {
				return (System.nanoTime() - killedNanos) / 1e9;
			}
			pause(250);
		}
		Map<String, Boolean> state = new LinkedHashMap<>();
		SERVICE_PORTS.forEach((name, port) -> state.put(name, serviceUp(port)));
		System.out.println("chaos: not every service came back: " + state);
		return Double.NaN;
	}

	static void awaitUntil(String what, java.util.concurrent.Callable<Boolean> condition) {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			try {
				if (condition.call()) {
					return;
				}
			}
			catch (Exception ex) {
				// not yet
			}
			pause(200);
		}
		throw new IllegalStateException(what + ": not within 60 s");
	}

	static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	// ------------------------------------------------------------------ the report

	static void printTable(List<Phase> phases) {
		String line = "%-22s %8s %8s %5s %5s %6s %7s %9s %7s %7s %5s %7s %7s %8s %6s%n";
		System.out.printf("%nchaos (%s form: %d senders, %d chats, client timeout %d s, Redis fault x%d)%n",
				FULL ? "full" : "short", SENDERS, CHATS, CLIENT_TIMEOUT.toSeconds(), Math.max(1, REDIS_REPEATS));
		System.out.printf(line, "fault", "acked", "in MySQL", "lost", "dup", "order", "failed", "(problem)", "(other)",
				"(refused)", "(hung)", "gave up", "restart", "all UP s", "live");
		for (Phase p : phases) {
			System.out.printf(line, p.label, p.acknowledged.size(), p.inMySql, p.lost, p.duplicated, p.outOfOrder,
					p.failedSends(), p.problems.sum(), p.notProblems.sum(), p.refused.sum(), p.hung.sum(),
					p.gaveUp.sum(), String.format("%.1f", p.restartSeconds), String.format("%.1f", p.upSeconds),
					p.liveEvents);
		}
		System.out
			.println("(order: acknowledged messages whose seqs in MySQL are out of acknowledgement order per sender, "
					+ "plus seqs held twice in a chat)");
		for (Phase p : phases) {
			if (!p.statuses.isEmpty() || !p.oddAnswers.isEmpty()) {
				Map<Integer, Long> statuses = new java.util.TreeMap<>();
				p.statuses.forEach((status, count) -> statuses.put(status, count.sum()));
				System.out.printf("chaos: %s: failed-send statuses %s, re-logins %d%s%n", p.label, statuses,
						p.relogins.sum(), p.oddAnswers.isEmpty() ? "" : ", e.g. " + p.oddAnswers);
			}
			if (p.seqMoved > 0) {
				System.out.printf(
						"chaos: %s: %d acknowledged messages are in MySQL under another seq than their 201 gave%n",
						p.label, p.seqMoved);
			}
		}
	}

}
