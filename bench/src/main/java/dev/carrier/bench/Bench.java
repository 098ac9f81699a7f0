package dev.carrier.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code ./carrier bench}: loads a running Carrier and measures it. It is a measurement
 * tool; it asserts nothing about the figures. See bench/README.md for what each figure
 * means, and {@link Options.Workload} for the modes.
 */
public final class Bench {

	/** Each limit's burst must be at least its rate, or the gateway does not start. */
	static final String HIGH_LIMITS = "CARRIER_API_RATE_PER_USER=1000000 CARRIER_API_BURST_PER_USER=1000000 "
			+ "CARRIER_LOGIN_RATE_PER_IP=1000000 CARRIER_LOGIN_BURST_PER_IP=1000000";

	static final String RATE_HINT = "run the bench against a stack started with high limits, e.g. ./carrier down && "
			+ HIGH_LIMITS + " ./carrier up";

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

	private static void run(Options options) throws Exception {
		long runStart = System.nanoTime();
		ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
		String stamp = now.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss'Z'"));
		String id = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6);
		Report report = new Report(options, now);
		if (options.ceilingsOnly()) {
			Ceilings ceilings = new Ceilings(options);
			CeilingFigures.report(report, ceilings.redis(), ceilings.kafka());
			report.elapsed(seconds(runStart));
			report.print();
			return;
		}
		requireUp(options);
		double speedBefore = MachineSpeed.roundsPerSecond();
		// at rest: before this run logs anyone in or opens a socket
		List<StackProcesses.Server> servers = StackProcesses.find(options);
		Run run = new Run(options, stamp, id, report, new Api(options.gateway()), servers);
		log("stack is UP; %d server processes found (%s)", servers.size(),
				String.join(", ", servers.stream().map(StackProcesses.Server::name).toList()));
		switch (options.workload()) {
			case DEFAULT -> DefaultMode.run(run);
			case SEED -> SeedMode.run(run);
			case OPEN -> OpenMode.run(run);
			case SEARCH -> SearchMode.run(run);
		}
		ServerCostFigures.processes(report, servers, run.cpuAtRest);
		ServerCostFigures.memory(report, run.memoryAtRestKb, run.memoryAfterLoadKb(), run.proportionalAtRestKb,
				run.distinctAtRestKb);
		MachineSpeed.report(report, speedBefore, MachineSpeed.roundsPerSecond());
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
		// the gateway's public port answers only /livez and /readyz (its actuator has a
		// port of its own)
		if (!healthy(options.gateway().resolve("/readyz"))) {
			System.err.println("The stack is not UP at " + options.gateway() + ": run ./carrier up first "
					+ "(for the bench, with high rate limits: " + HIGH_LIMITS + " ./carrier up)");
			System.exit(1);
		}
	}

	static List<URI> upInstances(List<URI> candidates) {
		return candidates.stream().filter(uri -> healthy(uri.resolve("/actuator/health"))).toList();
	}

	/** The health document at {@code health} says UP. */
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

	static double seconds(long sinceNanos) {
		return (System.nanoTime() - sinceNanos) / 1e9;
	}

	static void log(String format, Object... args) {
		System.out.printf("[bench] " + format + "%n", args);
	}

}
