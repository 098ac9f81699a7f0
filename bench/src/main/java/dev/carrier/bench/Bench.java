package dev.carrier.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.HdrHistogram.Histogram;

/**
 * {@code ./carrier bench}: loads a running Carrier and measures it. It is a measurement
 * tool; it asserts nothing about the figures. See bench/README.md for what each figure
 * means.
 */
public final class Bench {

	private Bench() {
	}

	public static void main(String[] args) throws Exception {
		System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
		Options options;
		try {
			options = Options.parse(args);
		}
		catch (RuntimeException ex) {
			System.err.println(ex.getMessage());
			System.exit(2);
			return;
		}
		try {
			run(options);
		}
		catch (Exception ex) {
			System.err.println("[bench] failed: " + ex);
			if (Api.RATE_LIMITED.get()) {
				System.err.println("[bench] the gateway answered 429: " + RATE_HINT);
			}
			System.exit(1);
		}
	}

	static final String RATE_HINT = "run the bench against a stack started with high limits, e.g. ./carrier down && "
			+ "CARRIER_API_RATE_PER_USER=1000000 CARRIER_LOGIN_RATE_PER_IP=1000000 ./carrier up";

	private static void run(Options options) throws Exception {
		long runStart = System.nanoTime();
		ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
		String stamp = now.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss'Z'"));
		String run = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6);
		Report report = new Report(options, now);

		if (options.ceilingsOnly()) {
			Ceilings ceilings = new Ceilings(options);
			report.ceilings(ceilings.redis(), ceilings.kafka());
			report.elapsed(seconds(runStart));
			report.print();
			return;
		}
		Api api = new Api(options.gateway());
		requireUp(options);
		List<URI> chatInstances = upInstances(options.chatServices());
		log("stack is UP; chat-service instances answering: " + chatInstances);

		// ---- accounts, chats, sockets
		long t = System.nanoTime();
		Accounts accounts = new Accounts(api, options.root());
		List<Accounts.User> users = accounts.ensure(options.users());
		log("%d users ready in %.1f s (%d logins, %d signups; the rest reused from .carrier/bench/users.json)",
				users.size(), seconds(t), accounts.logins.get(), accounts.signups.get());
		List<SendLoad.BenchChat> chats = createChats(api, users, options.chats());
		log("%d chats ready", chats.size());

		Deliveries deliveries = new Deliveries(run);
		t = System.nanoTime();
		URI ws = URI.create(options.gateway().toString().replaceFirst("^http", "ws") + "/api/ws");
		// the gateway's bulkhead admits 25 concurrent calls per route: connect below that
		int connected = deliveries.connect(ws, users, options.sessionsPerUser(), 16);
		log("%d of %d WebSocket sessions ready in %.1f s%s", connected, options.webSocketClients(), seconds(t),
				deliveries.firstConnectError.get() == null ? ""
						: " (first failure: " + deliveries.firstConnectError.get() + ")");

		List<String> chatIds = chats.stream().map(SendLoad.BenchChat::id).toList();
		SendLoad load = new SendLoad(api, deliveries, chats);
		try (FlushMonitor flush = new FlushMonitor(options, chatIds)) {
			Thread.sleep(700);
			long baselineRows = flush.latestRows();

			// ---- 1 and 2: through the gateway, with every session listening
			log("warm-up %d s through the gateway (%d senders, %d chats)", options.warmUp().toSeconds(),
					options.senders(), chats.size());
			long loadStart = System.nanoTime();
			load.run(Phase.WARM_UP, new SendLoad.ThroughGateway(options.gateway()), options.senders(),
					options.warmUp());
			List<Profiler> profilers = new ArrayList<>();
			if (options.profile()) {
				for (String service : List.of("chat-service", "gateway")) {
					Profiler profiler = new Profiler(options.root(), service);
					profiler.start(stamp);
					profilers.add(profiler);
				}
			}
			log("measuring %d s through the gateway", options.duration().toSeconds());
			ProcessCpu cpu = new ProcessCpu(options.root());
			cpu.start();
			SendLoad.PhaseResult gateway = load.run(Phase.GATEWAY, new SendLoad.ThroughGateway(options.gateway()),
					options.senders(), options.duration());
			Map<String, Double> gatewayCpu = cpu.stop();
			List<Profiler.Profile> profiles = new ArrayList<>();
			for (Profiler profiler : profilers) {
				profiles.add(profiler.stopAndSummarize(12));
			}
			log("  %.0f msg/s", gateway.perSecond());

			// ---- 3: the same load straight to chat-service
			SendLoad.PhaseResult direct = null;
			Map<String, Double> directCpu = Map.of();
			java.util.Optional<IdentitySigner> signer = IdentitySigner.of(options.root());
			if (!chatInstances.isEmpty() && signer.isEmpty()) {
				log("skipping the phase straight to chat-service: no CARRIER_TRUST_KEY and no .carrier/trust.key");
			}
			if (!chatInstances.isEmpty() && signer.isPresent()) {
				log("measuring %d s straight to chat-service %s", options.directDuration().toSeconds(), chatInstances);
				cpu.start();
				direct = load.run(Phase.DIRECT, new SendLoad.StraightToChatService(chatInstances, signer.get()),
						options.senders(), options.directDuration());
				directCpu = cpu.stop();
				log("  %.0f msg/s", direct.perSecond());
			}
			long loadEnd = System.nanoTime();

			// deliveries still on their way get a few seconds
			int endId = direct != null ? direct.endId() : gateway.endId();
			long drainDeadline = System.nanoTime() + Duration.ofSeconds(options.quick() ? 3 : 10).toNanos();
			while (System.nanoTime() < drainDeadline && deliveries.outstanding(gateway.firstId(), endId) > 0) {
				Thread.sleep(100);
			}
			deliveries.closeAll();
			report.sends(gateway, direct, connected, deliveries, chatInstances);
			report.profiles(profiles);
			report.cpu(gatewayCpu, directCpu);

			// ---- 5: hydration (seeding it also keeps persistence busy while the flush
			// is watched)
			log("hydration: %d chats x %d messages", options.hydrationChats(), options.hydrationMessages());
			Hydration.Result hydration;
			try {
				hydration = new Hydration(options, api, accounts, load).run();
			}
			catch (Exception ex) {
				hydration = null;
				report.note("hydration failed: " + ex.getMessage());
			}

			// ---- 4: flush
			long acknowledged = load.acknowledgedTotal.get();
			long target = baselineRows + acknowledged;
			Duration budget = options.flushWait();
			if (options.quick()) {
				// keep --quick under 3 minutes whatever persistence does
				long left = 150 - (long) seconds(runStart);
				budget = Duration.ofSeconds(Math.max(5, Math.min(budget.toSeconds(), left)));
			}
			log("flush: waiting (at most %d s) until MySQL holds the %d acknowledged messages", budget.toSeconds(),
					acknowledged);
			FlushMonitor.Sample reached = flush.awaitRows(target, budget);
			report.flush(baselineRows, acknowledged, loadStart, loadEnd, flush, reached);
			report.hydration(hydration);
		}

		// ---- 6: ceilings
		if (options.ceilings()) {
			Ceilings ceilings = new Ceilings(options);
			log("ceilings: redis-benchmark LPUSH");
			Ceilings.RedisCeiling redis = ceilings.redis();
			log("ceilings: Kafka ProducerPerformance (acks=all, 200k x 250 B)");
			Ceilings.KafkaCeiling kafka = ceilings.kafka();
			report.ceilings(redis, kafka);
		}
		if (Api.RATE_LIMITED.get()) {
			report.note("the gateway answered 429: " + RATE_HINT);
		}
		report.elapsed(seconds(runStart));
		report.print();
		Path file = report.write(options.root().resolve("bench/results/" + stamp + ".json"));
		System.out.println("\nwritten " + options.root().relativize(file));
		System.exit(0);
	}

	private static void requireUp(Options options) {
		// the gateway's public port answers /readyz; its actuator is on the management
		// port
		if (!healthy(options.gateway().resolve("/readyz"))) {
			System.err.println("The stack is not UP at " + options.gateway() + ": run ./carrier up first "
					+ "(for the bench, with high rate limits: CARRIER_API_RATE_PER_USER=1000000 CARRIER_LOGIN_RATE_PER_IP=1000000 ./carrier up)");
			System.exit(1);
		}
	}

	private static List<URI> upInstances(List<URI> candidates) {
		return candidates.stream().filter(service -> healthy(service.resolve("/actuator/health"))).toList();
	}

	static boolean healthy(URI health) {
		try {
			var response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(3)).build(), BodyHandlers.ofString());
			return response.statusCode() == 200 && response.body().contains("\"UP\"");
		}
		catch (Exception ex) {
			return false;
		}
	}

	/**
	 * Direct chats between distinct pairs: (2c, 2c+1) while there are users enough, so
	 * every user is in one chat; otherwise neighbours on a ring. A 409 hands back the
	 * pair's existing chat.
	 */
	private static List<SendLoad.BenchChat> createChats(Api api, List<Accounts.User> users, int count)
			throws Exception {
		int n = users.size();
		List<Future<SendLoad.BenchChat>> pending = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(8, Thread.ofVirtual().factory())) {
			for (int c = 0; c < count; c++) {
				Accounts.User a;
				Accounts.User b;
				if (2 * count <= n) {
					a = users.get(2 * c);
					b = users.get(2 * c + 1);
				}
				else {
					a = users.get(c % n);
					b = users.get((c % n + 1 + c / n) % n);
				}
				pending.add(pool.submit(() -> {
					var reply = api.post("/api/chats", a.token(), Map.of("members", List.of(b.username())));
					if (reply.status() != 201 && reply.status() != 409) {
						throw new IllegalStateException("creating a chat failed: " + reply);
					}
					var chat = reply.json().path("chat");
					if (chat.has("id")) {
						return new SendLoad.BenchChat(chat.get("id").asString(), a, b);
					}
					return new SendLoad.BenchChat(existingDirectChat(api, a, b), a, b);
				}));
			}
		}
		List<SendLoad.BenchChat> chats = new ArrayList<>();
		for (Future<SendLoad.BenchChat> chat : pending) {
			chats.add(chat.get());
		}
		return chats;
	}

	/** The direct chat of a and b from a's chat list (when a 409 does not carry it). */
	private static String existingDirectChat(Api api, Accounts.User a, Accounts.User b) {
		var list = api.get("/api/chats", a.token());
		for (var entry : list.json()) {
			var chat = entry.path("chat");
			if ("direct".equals(chat.path("type").asString())) {
				for (var member : chat.path("members")) {
					if (b.id().equals(member.path("id").asString())) {
						return chat.get("id").asString();
					}
				}
			}
		}
		throw new IllegalStateException("no direct chat of " + a.username() + " and " + b.username() + ": " + list);
	}

	static double seconds(long sinceNanos) {
		return (System.nanoTime() - sinceNanos) / 1e9;
	}

	static void log(String format, Object... args) {
		System.out.printf("[bench] " + format + "%n", args);
	}

	static Map<String, Object> summary(Histogram h) {
		Map<String, Object> s = new LinkedHashMap<>();
		s.put("count", h.getTotalCount());
		s.put("p50Ms", ms(h.getValueAtPercentile(50)));
		s.put("p95Ms", ms(h.getValueAtPercentile(95)));
		s.put("p99Ms", ms(h.getValueAtPercentile(99)));
		s.put("maxMs", ms(h.getMaxValue()));
		return s;
	}

	static double ms(long micros) {
		return Math.round(micros / 10.0) / 100.0;
	}

}
