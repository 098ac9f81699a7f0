package dev.carrier.e2e.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.random.RandomGenerator;

import dev.carrier.e2e.support.CarrierApi;
import dev.carrier.e2e.support.EventSocket;
import dev.carrier.e2e.support.Gen;
import dev.carrier.e2e.support.TestUser;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * Generated-case fuzzing of every call of docs/api.md through the gateway: malformed,
 * oversize, wrongly typed and hostile requests (bodies, headers, paths, query parameters,
 * images, WebSocket frames), sent with a valid token where one is needed. Every answer
 * must be a 4xx problem document, never a 5xx, never a trace, and nothing the fuzzing
 * user (or anyone else) can see may change.
 *
 * <p>
 * Size: {@code -Dcarrier.fuzz.requests=N} (default 10,000 HTTP requests, plus a few
 * hundred WebSocket frames). Requests of one batch run in parallel on virtual threads.
 *
 * <p>
 * Cases are drawn from {@code -Dcarrier.fuzz.seed=N} (default: a fresh random seed); the
 * seed is printed at the start and named in every failure, so a run can be replayed (the
 * fixture's ids are new in each run).
 *
 * <p>
 * The cases are made in {@link HostileRequests} and {@link WebSocketFrames}, sent by
 * {@link HostileClient} and {@link WebSocketJunk}, and judged by {@link Judge}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FuzzEndToEndTests {

	private final FuzzSettings settings = FuzzSettings.fromSystemProperties();

	private final Judge judge = new Judge();

	private Fixture fixture;

	/** What everyone involved saw before the first hostile request. */
	private Map<String, String> before;

	/** The victim, live: typing in its chat must never reach it. */
	private EventSocket victimLive;

	private HostileClient client;

	private WebSocketJunk webSocketJunk;

	private long startedNanos;

	@BeforeAll
	void createTheFixtureNamingTheSeed() {
		System.out
			.println("fuzz: seed " + settings.seed() + " (replay with -Dcarrier.fuzz.seed=" + settings.seed() + ")");
		try {
			fixture = Fixture.create();
			before = fixture.snapshot(settings.replay());
			victimLive = EventSocket.connect(fixture.victim().token());
			client = new HostileClient(fixture.fuzzerToken(), settings.userRate());
			webSocketJunk = new WebSocketJunk(judge, fixture.fuzzerToken());
			startedNanos = System.nanoTime();
		}
		catch (AssertionError | RuntimeException ex) {
			throw new AssertionError("the fuzz fixture could not be made: " + ex.getMessage() + settings.replay(), ex);
		}
	}

	@Test
	void everyHostileRequestGetsA4xxProblemAndChangesNothing() throws Exception {
		RandomGenerator random = settings.random("http");
		Gen<List<Hostile>> batches = new HostileRequests(fixture).batches(settings.batchSize());
		for (int batch = 1; batch <= FuzzSettings.BATCHES; batch++) {
			try {
				sendInParallel(batches.next(random));
			}
			catch (ExecutionException | TimeoutException | RuntimeException ex) {
				throw new AssertionError(
						"HTTP batch " + batch + " of " + FuzzSettings.BATCHES + " failed: " + ex + settings.replay(),
						ex);
			}
		}
	}

	private void sendInParallel(List<Hostile> batch) throws Exception {
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			var gate = new Semaphore(settings.parallelism());
			List<Future<?>> running = new ArrayList<>();
			for (Hostile request : batch) {
				gate.acquire();
				running.add(pool.submit(() -> {
					try {
						judge.judge(request, client.send(request));
					}
					finally {
						gate.release();
					}
				}));
			}
			for (Future<?> future : running) {
				future.get(2, TimeUnit.MINUTES);
			}
		}
	}

	@Test
	void webSocketJunkNeitherBreaksTheServerNorReachesAForeignChat() {
		RandomGenerator random = settings.random("ws");
		Gen<List<String>> webSocketFrames = new WebSocketFrames(fixture).frames();
		for (int tryNumber = 1; tryNumber <= FuzzSettings.WEB_SOCKET_TRIES; tryNumber++) {
			List<String> frames = webSocketFrames.next(random);
			List<String> preAuthFrames = webSocketFrames.next(random);
			try {
				webSocketJunk.send(frames, preAuthFrames);
			}
			catch (RuntimeException ex) {
				throw new AssertionError("WebSocket try " + tryNumber + " of " + FuzzSettings.WEB_SOCKET_TRIES
						+ " failed: " + ex + settings.replay(), ex);
			}
		}
	}

	@AfterAll
	void nothingChangedAndEveryAnswerWasAProblem() {
		if (fixture == null) {
			return; // the fixture could not be made; that failure is reported already
		}
		String replay = settings.replay();
		double seconds = (System.nanoTime() - startedNanos) / 1e9;
		judge.printReport(client.sent(), webSocketJunk.framesSent(), seconds, settings.seed());
		List<String> violations = judge.violations();

		// The server is still whole: a fresh session works and sees what it saw before.
		Awaitility.await("a fresh WebSocket session still works" + replay)
			.atMost(Duration.ofSeconds(10))
			.ignoreExceptions()
			.until(() -> {
				EventSocket.connect(fixture.fuzzerToken()).close();
				return true;
			});
		Map<String, String> after = fixture.snapshot(replay);
		var relogin = CarrierApi.post("/api/auth/login", null,
				Map.of("login", fixture.fuzzer().username(), "password", TestUser.PASSWORD));
		List<JsonNode> typingLeaks = victimLive.events("typing")
			.stream()
			.filter(e -> fixture.fuzzer().id().equals(e.path("userId").asString()))
			.toList();
		victimLive.close();

		assertThat(client.sent()).as("requests sent" + replay).isGreaterThanOrEqualTo(settings.requests());
		List<String> changed = before.keySet()
			.stream()
			.filter(key -> !before.get(key).equals(after.get(key)))
			.map(key -> key + ":\n    before " + Shown.abbreviate(before.get(key), 600) + "\n    after  "
					+ Shown.abbreviate(after.get(key), 600))
			.toList();
		assertThat(changed).as("what the fuzzer, its peers and a stranger see, changed by refused requests" + replay)
			.isEmpty();
		assertThat(relogin.status()).as("the fuzzer's password is unchanged: " + relogin + replay).isIn(200, 429);
		assertThat(typingLeaks).as("typing in a foreign chat reached its members" + replay).isEmpty();
		assertThat(violations).as("hostile requests answered with something else than a 4xx problem" + replay)
			.isEmpty();
	}

}
