package dev.carrier.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.HdrHistogram.Histogram;

/**
 * Collects the figures, prints them as one table and writes them as a small JSON file.
 */
final class Report {

	private final Options options;

	private final ZonedDateTime when;

	private final Map<String, Object> json = new LinkedHashMap<>();

	private final List<String[]> rows = new ArrayList<>();

	private final List<String> notes = new ArrayList<>();

	private final List<Profiler.Profile> profiles = new ArrayList<>();

	private Double sendRate;

	Report(Options options, ZonedDateTime when) {
		this.options = options;
		this.when = when;
		json.put("at", when.withNano(0).format(DateTimeFormatter.ISO_INSTANT));
		json.put("mode", options.quick() ? "quick" : "full");
		Map<String, Object> machine = new LinkedHashMap<>();
		machine.put("cores", Runtime.getRuntime().availableProcessors());
		machine.put("java", System.getProperty("java.version"));
		json.put("machine", machine);
		Map<String, Object> setup = new LinkedHashMap<>();
		setup.put("senders", options.senders());
		setup.put("chats", options.chats());
		setup.put("users", options.users());
		setup.put("sessionsPerUser", options.sessionsPerUser());
		setup.put("warmUpSeconds", options.warmUp().toSeconds());
		setup.put("seconds", options.duration().toSeconds());
		setup.put("directSeconds", options.directDuration().toSeconds());
		json.put("setup", setup);
	}

	void sends(SendLoad.PhaseResult gateway, SendLoad.PhaseResult direct, int connected, Deliveries deliveries,
			List<URI> instances) {
		sendRate = gateway.perSecond();
		Histogram g = gateway.latency();
		section("1 send through the gateway (%d senders, %d chats, %d s after %d s warm-up)", options.senders(),
				options.chats(), options.duration().toSeconds(), options.warmUp().toSeconds());
		row("durable messages/s (201)", "%.0f  (%d in %.1f s)", gateway.perSecond(), gateway.acknowledged(),
				gateway.nanos() / 1e9);
		row("send latency p50 / p95 / p99 / max", "%s / %s / %s / %s ms", ms(g, 50), ms(g, 95), ms(g, 99),
				Bench.ms(g.getMaxValue()));
		row("failed sends", failures(gateway));
		warnIfFailing("through the gateway", gateway);
		Map<String, Object> send = new LinkedHashMap<>();
		send.put("messagesPerSecond", round(gateway.perSecond()));
		send.put("latency", Bench.summary(g));
		send.put("failures", gateway.failures());
		json.put("send", send);

		Histogram d = deliveries.latency(Phase.GATEWAY);
		Deliveries.Tally tally = deliveries.tally(gateway.firstId(), gateway.endId());
		section("2 delivery to WebSockets (%d of %d sessions: %d users x %d)", connected, options.webSocketClients(),
				options.users(), options.sessionsPerUser());
		if (!deliveries.refusals().isEmpty()) {
			row("WebSocket connect attempts refused", deliveries.refusals().toString());
		}
		row("send start -> arrival p50 / p99 / max", "%s / %s / %s ms", ms(d, 50), ms(d, 99),
				Bench.ms(d.getMaxValue()));
		row("deliveries expected / received", "%d / %d", tally.expected(), tally.received());
		row("missing deliveries (to recipient / sender echo)", "%d (%d / %d; %d messages affected)", tally.missing(),
				tally.missingAtRecipients(), tally.missingAtSender(), tally.messagesMissing());
		row("duplicate deliveries", "%d%s", tally.duplicates(), deliveries.closedEarly.get() > 0
				? "; " + deliveries.closedEarly.get() + " sessions closed by the server" : "");
		Map<String, Object> delivery = new LinkedHashMap<>();
		delivery.put("sessions", connected);
		delivery.put("connectRefusals", deliveries.refusals());
		delivery.put("latency", Bench.summary(d));
		delivery.put("expected", tally.expected());
		delivery.put("received", tally.received());
		delivery.put("missing", tally.missing());
		delivery.put("missingAtRecipients", tally.missingAtRecipients());
		delivery.put("missingSenderEchoes", tally.missingAtSender());
		delivery.put("messagesWithMissingDeliveries", tally.messagesMissing());
		delivery.put("duplicates", tally.duplicates());
		delivery.put("sessionsClosedByServer", deliveries.closedEarly.get());
		json.put("delivery", delivery);

		section("3 gateway overhead (the same load straight to chat-service %s)",
				instances.stream().map(u -> String.valueOf(u.getPort())).collect(Collectors.joining(", ")));
		if (direct == null) {
			row("straight to chat-service", "skipped: no chat-service instance answered");
			return;
		}
		Histogram c = direct.latency();
		row("direct durable messages/s", "%.0f  (%d in %.1f s)", direct.perSecond(), direct.acknowledged(),
				direct.nanos() / 1e9);
		row("direct latency p50 / p99 / max", "%s / %s / %s ms", ms(c, 50), ms(c, 99), Bench.ms(c.getMaxValue()));
		row("failed direct sends", failures(direct));
		warnIfFailing("straight to chat-service", direct);
		double throughputRatio = direct.perSecond() == 0 ? 0 : gateway.perSecond() / direct.perSecond();
		double p99Ratio = c.getValueAtPercentile(99) == 0 ? 0
				: (double) g.getValueAtPercentile(99) / c.getValueAtPercentile(99);
		row("throughput gateway / direct", "%.2f", throughputRatio);
		row("p99 gateway / direct", "%.2f", p99Ratio);
		Histogram dd = deliveries.latency(Phase.DIRECT);
		Deliveries.Tally directTally = deliveries.tally(direct.firstId(), direct.endId());
		row("(direct phase) delivery p50 / p99; missing", "%s / %s ms; %d of %d", ms(dd, 50), ms(dd, 99),
				directTally.missing(), directTally.expected());
		Map<String, Object> overhead = new LinkedHashMap<>();
		overhead.put("directMessagesPerSecond", round(direct.perSecond()));
		overhead.put("directLatency", Bench.summary(c));
		overhead.put("directFailures", direct.failures());
		overhead.put("throughputGatewayOverDirect", round2(throughputRatio));
		overhead.put("p99GatewayOverDirect", round2(p99Ratio));
		overhead.put("directPhaseDeliveryLatency", Bench.summary(dd));
		overhead.put("directPhaseMissingDeliveries", directTally.missing());
		json.put("gatewayOverhead", overhead);
	}

	void flush(long baselineRows, long acknowledged, long loadStart, long loadEnd, FlushMonitor monitor,
			FlushMonitor.Sample reached) {
		section("4 flush to MySQL (persistence-service, bench chats only)");
		Map<String, Object> flush = new LinkedHashMap<>();
		FlushMonitor.Sample atEnd = monitor.at(loadEnd);
		double loadSeconds = (loadEnd - loadStart) / 1e9;
		if (atEnd == null || baselineRows < 0) {
			row("MySQL", "not readable: " + monitor.lastError());
			flush.put("error", monitor.lastError());
			json.put("flush", flush);
			return;
		}
		double during = (atEnd.rows() - baselineRows) / loadSeconds;
		row("rows/s written during the load", "%.0f  (%d of %d acknowledged by its end)", during,
				atEnd.rows() - baselineRows, acknowledged);
		flush.put("acknowledged", acknowledged);
		flush.put("rowsPerSecondDuringLoad", round(during));
		if (reached != null) {
			double total = (reached.nanos() - loadStart) / 1e9;
			double overall = acknowledged / total;
			double behind = Math.max(0, (reached.nanos() - loadEnd) / 1e9);
			row("rows/s from load start until all were in", "%.0f", overall);
			row("all acknowledged in MySQL after the load", "%.1f s later", behind);
			flush.put("rowsPerSecondUntilCaughtUp", round(overall));
			flush.put("caughtUpSecondsAfterLoad", round2(behind));
		}
		else {
			long now = monitor.latestRows() - baselineRows;
			row("all acknowledged in MySQL", "NOT within the wait: %d of %d rows", now, acknowledged);
			flush.put("rowsAtGiveUp", now);
		}
		Double lag = monitor.maxLag();
		Double messageLag = monitor.maxMessageSentLag();
		row("max consumer lag (records_lag_max)",
				lag == null ? "not reported on :8083/actuator/prometheus"
						: String.format("%.0f records (message-sent topic: %s)", lag,
								messageLag == null ? "not reported" : String.format("%.0f", messageLag)));
		flush.put("maxConsumerLag", lag);
		flush.put("maxMessageSentLag", messageLag);
		json.put("flush", flush);
	}

	void hydration(Hydration.Result result) {
		section("5 hydration (a user with %d chats x %d messages, evicted from Redis)", options.hydrationChats(),
				options.hydrationMessages());
		if (result == null) {
			row("hydration", "failed (see notes)");
			return;
		}
		Map<String, Object> h = new LinkedHashMap<>();
		row("seeded / in MySQL", "%d / %d  (sent in %.1f s, in MySQL %.1f s later)", result.seeded(),
				result.rowsInMySql(), result.seedMillis() / 1000.0, result.persistMillis() / 1000.0);
		h.put("seeded", result.seeded());
		h.put("inMySql", result.rowsInMySql());
		if (result.loginMillis() >= 0) {
			row("Redis keys deleted", String.valueOf(result.keysDeleted()));
			row("login (includes PBKDF2) / GET /api/chats", "%d ms / %d ms", result.loginMillis(), result.listMillis());
			row("chats listed / with lastMessage / seq = " + result.messagesPerChat(), "%d / %d / %d", result.listed(),
					result.listedWithLastMessage(), result.lastSeqMatches());
			h.put("loginMillis", result.loginMillis());
			h.put("listMillis", result.listMillis());
			h.put("listed", result.listed());
			h.put("withLastMessage", result.listedWithLastMessage());
			h.put("lastSeqMatches", result.lastSeqMatches());
		}
		if (result.note() != null) {
			row("note", result.note());
			h.put("note", result.note());
		}
		if (result.serviceTimers().isEmpty()) {
			row("persistence hydration timer", "none on /actuator/prometheus");
		}
		else {
			result.serviceTimers().forEach((series, value) -> row("  " + series, value));
		}
		h.put("serviceTimers", result.serviceTimers());
		json.put("hydration", h);
	}

	void ceilings(Ceilings.RedisCeiling redis, Ceilings.KafkaCeiling kafka) {
		section("6 machine ceilings (same run, after the load)");
		Map<String, Object> c = new LinkedHashMap<>();
		if (redis.lpushPerSecond() != null) {
			row("redis-benchmark LPUSH/s (-P 1, 50 clients)", "%.0f  (p50 %s ms); our sends = %s of it",
					redis.lpushPerSecond(), redis.p50Millis(), fraction(redis.lpushPerSecond()));
			c.put("redisLpushPerSecond", round(redis.lpushPerSecond()));
			c.put("sendRateOverRedisLpush", fractionValue(redis.lpushPerSecond()));
		}
		else {
			row("redis-benchmark", redis.note());
			c.put("redisNote", redis.note());
		}
		if (kafka.recordsPerSecond() != null) {
			row("Kafka producer records/s (acks=all, 250 B)",
					"%.0f  (%.1f MB/s, avg %.0f ms, p99 %d ms); our sends = %s of it", kafka.recordsPerSecond(),
					kafka.mbPerSecond(), kafka.avgLatencyMillis(), kafka.p99Millis(),
					fraction(kafka.recordsPerSecond()));
			c.put("kafkaRecordsPerSecond", round(kafka.recordsPerSecond()));
			c.put("sendRateOverKafka", fractionValue(kafka.recordsPerSecond()));
		}
		else {
			row("Kafka ProducerPerformance", kafka.note());
			c.put("kafkaNote", kafka.note());
		}
		json.put("ceilings", c);
	}

	/**
	 * CPU per process during each phase, in % of one core (the machine has all cores x
	 * 100).
	 */
	void cpu(Map<String, Double> gateway, Map<String, Double> direct) {
		if (gateway.isEmpty()) {
			return;
		}
		section("CPU per process, %% of one core (this machine: %d cores = %d%%): through the gateway | direct",
				Runtime.getRuntime().availableProcessors(), 100 * Runtime.getRuntime().availableProcessors());
		double totalGateway = 0;
		double totalDirect = 0;
		for (var entry : gateway.entrySet()) {
			Double d = direct.get(entry.getKey());
			totalGateway += entry.getValue();
			totalDirect += d == null ? 0 : d;
			row(entry.getKey(), "%5.0f | %s", entry.getValue(), d == null ? "-" : String.format("%.0f", d));
		}
		row("all of the above", "%5.0f | %.0f", totalGateway, totalDirect);
		Map<String, Object> c = new LinkedHashMap<>();
		c.put("throughGateway", gateway);
		c.put("direct", direct);
		json.put("cpuPercentOfOneCore", c);
	}

	void profiles(List<Profiler.Profile> recorded) {
		profiles.addAll(recorded);
		List<Map<String, Object>> out = new ArrayList<>();
		for (Profiler.Profile p : recorded) {
			Map<String, Object> one = new LinkedHashMap<>();
			one.put("service", p.service());
			one.put("file", p.file());
			one.put("samples", p.samples());
			one.put("selfTop", first(p.selfTop(), 8));
			one.put("carrierTop", first(p.carrierTop(), 8));
			one.put("jvmCpu", p.jvmCpu());
			one.put("machineCpu", p.machineCpu());
			one.put("gcPauseMillis", p.gcPauseMillis());
			if (p.note() != null) {
				one.put("note", p.note());
			}
			out.add(one);
		}
		if (!out.isEmpty()) {
			json.put("profiles", out);
		}
	}

	void note(String note) {
		notes.add(note);
	}

	void elapsed(double seconds) {
		json.put("elapsedSeconds", round(seconds));
	}

	void print() {
		int width = rows.stream().filter(r -> r.length == 2).mapToInt(r -> r[0].length()).max().orElse(30) + 2;
		System.out.println();
		System.out.printf("Carrier bench %s  %s  (%d cores, JDK %s)%n", json.get("at"), json.get("mode"),
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
		for (String[] r : rows) {
			if (r.length == 1) {
				System.out.println();
				System.out.println(r[0]);
			}
			else {
				System.out.printf("  %-" + width + "s %s%n", r[0], r[1]);
			}
		}
		for (Profiler.Profile p : profiles) {
			System.out.println();
			if (p.note() != null) {
				System.out.println("profile of " + p.service() + ": " + p.note());
				continue;
			}
			System.out.printf("profile of %s during the measured send phase: %d execution samples (%s)%n", p.service(),
					p.samples(), p.file());
			if (p.jvmCpu() != null) {
				System.out.printf(
						"  CPU: this JVM %.0f%%, whole machine %.0f%% (of all cores); GC pauses %.0f ms in total%n",
						100 * p.jvmCpu(), 100 * p.machineCpu(), p.gcPauseMillis());
			}
			printTop("hot methods (self, top frame)", p.selfTop(), p.samples());
			printTop("under which Carrier method (first dev.carrier frame)", p.carrierTop(), p.samples());
			printTop("leaf frames by package", p.packageTop(), p.samples());
			if (!p.allocationTopMb().isEmpty()) {
				System.out.println("  most allocated (MB, sampled)");
				p.allocationTopMb().forEach((type, mb) -> System.out.printf("    %6d  %s%n", mb, type));
			}
		}
		if (!notes.isEmpty()) {
			System.out.println();
			notes.forEach(n -> System.out.println("NOTE: " + n));
			json.put("notes", notes);
		}
		System.out.printf("%nelapsed %.0f s%n", ((Number) json.get("elapsedSeconds")).doubleValue());
	}

	private static void printTop(String title, Map<String, Long> top, long total) {
		System.out.println("  " + title);
		top.forEach((name, count) -> System.out.printf("    %5.1f%%  %s%n", 100.0 * count / Math.max(1, total), name));
	}

	Path write(Path file) throws IOException {
		Files.createDirectories(file.getParent());
		Files.writeString(file, Api.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n");
		return file;
	}

	private void section(String format, Object... args) {
		rows.add(new String[] { String.format(format, args) });
	}

	private void row(String label, String format, Object... args) {
		rows.add(new String[] { label, args.length == 0 ? format : String.format(format, args) });
	}

	private String fraction(double ceiling) {
		return sendRate == null || ceiling == 0 ? "?" : String.format("%.1f%%", 100 * sendRate / ceiling);
	}

	private Double fractionValue(double ceiling) {
		return sendRate == null || ceiling == 0 ? null : Math.round(10000 * sendRate / ceiling) / 10000.0;
	}

	/**
	 * A rate made mostly of refusals measures the refusals: say so where nobody can miss
	 * it.
	 */
	private void warnIfFailing(String where, SendLoad.PhaseResult result) {
		long failed = result.failures().values().stream().mapToLong(Long::longValue).sum();
		long attempts = failed + result.acknowledged();
		if (attempts > 0 && failed * 100 > attempts) {
			note(String.format(
					"%.0f%% of the sends %s failed (%s): its rate and latency describe the failures, not "
							+ "the capacity; see ./carrier logs",
					100.0 * failed / attempts, where,
					result.failures()
						.keySet()
						.stream()
						.map(s -> s == -1 ? "transport" : "HTTP " + s)
						.collect(Collectors.joining(", "))));
		}
	}

	private static String failures(SendLoad.PhaseResult result) {
		if (result.failures().isEmpty()) {
			return "none";
		}
		String counts = result.failures()
			.entrySet()
			.stream()
			.map(e -> (e.getKey() == -1 ? "transport" : "HTTP " + e.getKey()) + " x" + e.getValue())
			.collect(Collectors.joining(", "));
		return counts + "; first: " + result.firstFailure();
	}

	private static String ms(Histogram h, double percentile) {
		return String.valueOf(Bench.ms(h.getValueAtPercentile(percentile)));
	}

	private static Map<String, Long> first(Map<String, Long> map, int n) {
		Map<String, Long> out = new LinkedHashMap<>();
		map.entrySet().stream().limit(n).forEach(e -> out.put(e.getKey(), e.getValue()));
		return out;
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

	private static double round2(double value) {
		return Math.round(value * 100) / 100.0;
	}

}
