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
import java.nio.file.Path;
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
 * A steady send load (several senders over several chats, retrying the same clientMessageId, logging in
 * again on 401) with live WebSocket readers, while one server at a time is killed with {@code kill -9}
 * and restarted: Redis, the Kafka broker, MariaDB, persistence-service, the second chat-service, the
 * gateway. For each fault: messages acknowledged (201), messages in MySQL afterwards, lost (must be 0),
 * duplicated (must be 0), failed sends (problems, never a hang past the client timeout), and the seconds
 * until every service is UP again.
 *
 * <p>
 * Short form by default (part of {@code ./carrier test}); {@code -Dcarrier.chaos.full=true} or
 * {@code CARRIER_CHAOS_FULL=true} ({@code scripts/chaos.sh}) runs a longer, heavier load.
 * {@code -Dcarrier.chaos.faults=redis,gateway} picks faults ({@code none} = the load alone).
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

	/** How long one message is retried (same clientMessageId) before the sender gives up on it. */
	static final Duration MESSAGE_DEADLINE = Duration.ofSeconds(FULL ? 180 : 90);

	/** The client's own patience: a send that takes longer is a hang. */
	static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(15);

	static final Duration RECOVERY_LIMIT = Duration.ofSeconds(240);

	static final Duration MYSQL_WAIT = Duration.ofSeconds(FULL ? 180 : 90);

	static final List<String> FAULTS = Arrays.stream(System.getProperty("carrier.chaos.faults",
			CarrierApi.env("CARRIER_CHAOS_FAULTS", "redis,kafka,mariadb,persistence-service,chat-service-2,gateway"))
		.split(","))
		.map(String::trim)
		.filter(f -> !f.isEmpty() && !f.equals("none"))
		.toList();

	static final Map<String, Integer> SERVICE_PORTS = new LinkedHashMap<>(Map.of("gateway", 8080, "auth-service", 8081,
			"chat-service", 8082, "persistence-service", 8083, "chat-service-2", 8084));

	static final String REDIS_START = "redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save \"\" "
			+ "--appendonly no --notify-keyspace-events Ex --dir /var/lib/redis";

	static final String MARIADB_START = "start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd";

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	final String run = UUID.randomUUID().toString().substring(0, 8);

	final List<Sender> senders = new ArrayList<>();

	final List<TestUser> readers = new ArrayList<>();

	final List<String> chatIds = new ArrayList<>();

	/** A user who sends into one chat, with a token that is replaced when the session dies. */
	record Sender(TestUser user, String chatId, AtomicReference<String> token) {
	}

	/** What happened during one fault. */
	static final class Phase {

		final String fault;

		final String tag;

		volatile boolean stopping;

		final Map<String, String> acknowledged = new ConcurrentHashMap<>(); // message id -> text

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

		double restartSeconds;

		double upSeconds = Double.NaN;

		int liveEvents;

		Phase(String fault, String run) {
			this.fault = fault;
			this.tag = "chaos " + run + " " + fault + " ";
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
		phases.add(runPhase("none (baseline)"));
		for (String fault : FAULTS) {
			phases.add(runPhase(fault));
		}
		printTable(phases);
		for (Phase phase : phases) {
			assertThat(phase.acknowledged).as("%s: some messages were acknowledged", phase.fault).isNotEmpty();
			assertThat(phase.lost).as("%s: acknowledged messages missing from MySQL", phase.fault).isZero();
			assertThat(phase.duplicated).as("%s: messages stored more than once", phase.fault).isZero();
			assertThat(phase.hung.sum()).as("%s: sends that hung past the client timeout", phase.fault).isZero();
			assertThat(phase.notProblems.sum()).as("%s: failed sends answered without a problem document: %s", phase.fault,
					phase.oddAnswers).isZero();
			// A dead server is "unavailable" (503) or "timed out" (504), never our own internal error.
			assertThat(phase.statuses).as("%s: failed sends answered 500", phase.fault).doesNotContainKey(500);
			assertThat(phase.upSeconds).as("%s: seconds until every service is UP again", phase.fault)
				.isLessThan(RECOVERY_LIMIT.toSeconds());
		}
	}

	// ------------------------------------------------------------------ one fault under load

	Phase runPhase(String fault) throws Exception {
		Phase phase = new Phase(fault, run);
		System.out.printf("chaos: %s ...%n", fault);
		List<EventSocket> live = connectReaders();
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<?>> load = new ArrayList<>();
			for (int i = 0; i < senders.size(); i++) {
				Sender sender = senders.get(i);
				int number = i;
				load.add(pool.submit(() -> sendUntilStopped(phase, sender, number)));
			}
			Thread.sleep(LOAD_BEFORE.toMillis());
			if (!fault.startsWith("none")) {
				long killed = System.nanoTime();
				killAndRestart(fault);
				phase.restartSeconds = (System.nanoTime() - killed) / 1e9;
				phase.upSeconds = awaitAllServicesUp(killed);
			}
			else {
				phase.upSeconds = 0;
			}
			Thread.sleep(LOAD_AFTER.toMillis());
			phase.stopping = true;
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
		System.out.printf("chaos: %s: %d acknowledged, %d in MySQL, %d lost, %d duplicated, all UP after %.1f s%n", fault,
				phase.acknowledged.size(), phase.inMySql, phase.lost, phase.duplicated, phase.upSeconds);
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
					phase.acknowledged.put(attempt.body().get("message").get("id").asString(), text);
					break;
				}
				classify(phase, attempt);
				if (attempt.status() == 401) {
					logInAgain(phase, sender);
				}
				if (System.nanoTime() > deadline) {
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
		HttpRequest request = HttpRequest.newBuilder(CarrierApi.BASE.resolve("/api/chats/" + sender.chatId() + "/messages"))
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

	/** After Redis loses the sessions (or a password is changed) the sender logs in again, once per death. */
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

	// ------------------------------------------------------------------ MySQL: lost and duplicated

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
				"select count(distinct text) from messages where chat_id in (" + inList + ") and text like ?", phase.tag + "%");
		phase.duplicated = rows - distinctTexts;
	}

	// ------------------------------------------------------------------ killing and restarting

	void killAndRestart(String fault) throws Exception {
		switch (fault) {
			case "redis" -> {
				if (recordedAndRunning("redis")) {
					Servers.killHard("redis");
					Servers.carrierUp();
				}
				else {
					String pid = Servers.redisCli("INFO", "server")
						.lines()
						.filter(l -> l.startsWith("process_id:"))
						.findFirst()
						.orElseThrow()
						.substring("process_id:".length())
						.trim();
					shell("kill -9 " + pid);
					awaitGone(pid);
					shell(REDIS_START);
				}
				awaitUntil("Redis answers", () -> Servers.redisCli("PING").contains("PONG"));
			}
			case "mariadb" -> {
				String pidFile = Servers.mysqlStrings("select @@pid_file").getFirst();
				String pid = Files.readString(Path.of(pidFile)).trim();
				shell("kill -9 " + pid);
				awaitGone(pid);
				shell(MARIADB_START);
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

	static boolean recordedAndRunning(String process) {
		Path pidFile = Servers.ROOT.resolve(".carrier/pids/" + process + ".pid");
		try {
			return Files.isRegularFile(pidFile) && ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim()))
				.map(ProcessHandle::isAlive)
				.orElse(false);
		}
		catch (IOException | NumberFormatException ex) {
			return false;
		}
	}

	/** Best effort: a killed process that nobody reaps lingers as a zombie, which holds no port. */
	static void awaitGone(String pid) {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (System.nanoTime() < deadline
				&& ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false)) {
			pause(100);
		}
	}

	static String shell(String command) {
		try {
			Process process = new ProcessBuilder("bash", "-c", command).directory(Servers.ROOT.toFile())
				.redirectErrorStream(true)
				.start();
			String output = new String(process.getInputStream().readAllBytes());
			if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
				throw new IllegalStateException(command + " failed: " + output);
			}
			return output;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	// ------------------------------------------------------------------ health

	static boolean serviceUp(int port) {
		try {
			var response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
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

	/** Seconds from the kill until every service says UP, or NaN when they never do within the limit. */
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
		String line = "%-22s %8s %8s %5s %5s %7s %9s %7s %7s %5s %7s %7s %8s %6s%n";
		System.out.printf("%nchaos (%s form: %d senders, %d chats, client timeout %d s)%n", FULL ? "full" : "short", SENDERS,
				CHATS, CLIENT_TIMEOUT.toSeconds());
		System.out.printf(line, "fault", "acked", "in MySQL", "lost", "dup", "failed", "(problem)", "(other)", "(refused)",
				"(hung)", "gave up", "restart", "all UP s", "live");
		for (Phase p : phases) {
			System.out.printf(line, p.fault, p.acknowledged.size(), p.inMySql, p.lost, p.duplicated, p.failedSends(),
					p.problems.sum(), p.notProblems.sum(), p.refused.sum(), p.hung.sum(), p.gaveUp.sum(),
					String.format("%.1f", p.restartSeconds), String.format("%.1f", p.upSeconds), p.liveEvents);
		}
		for (Phase p : phases) {
			if (!p.statuses.isEmpty() || !p.oddAnswers.isEmpty()) {
				Map<Integer, Long> statuses = new java.util.TreeMap<>();
				p.statuses.forEach((status, count) -> statuses.put(status, count.sum()));
				System.out.printf("chaos: %s: failed-send statuses %s, re-logins %d%s%n", p.fault, statuses, p.relogins.sum(),
						p.oddAnswers.isEmpty() ? "" : ", e.g. " + p.oddAnswers);
			}
		}
	}

}
