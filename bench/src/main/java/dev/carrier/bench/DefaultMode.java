package dev.carrier.bench;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The default workload: every bench user in a direct chat and listening on its sockets, N
 * closed-loop senders through the gateway and then straight to chat-service (each
 * measured phase repeated), then the flush to MySQL, hydration and the machine's
 * ceilings.
 */
final class DefaultMode {

	private DefaultMode() {
	}

	static void run(Run run) throws Exception {
		Options options = run.options;
		Report report = run.report;
		List<URI> chatInstances = Bench.upInstances(options.chatServices());
		Bench.log("chat-service instances answering: %s", chatInstances);
		Population population = Population.many(run);
		Deliveries deliveries = population.deliveries();
		SendChannel channel = new SendChannel(run.api, options.sendOver());
		SendLoad load = new SendLoad(run.api, channel, deliveries, population.chats(), true);
		SendTarget gatewayTarget = new SendTarget.ThroughGateway(options.gateway());
		String sendOver = options.sendOver().phrase();
		Optional<IdentitySigner> signer = IdentitySigner.of(options.stackState());
		if (!chatInstances.isEmpty() && signer.isEmpty()) {
			Bench.log("skipping the phase straight to chat-service: no CARRIER_TRUST_KEY and no trust.key in %s",
					options.stackState());
		}
		ProcessCpu cpu = run.cpu();
		List<String> chatIds = population.chats().stream().map(SendLoad.BenchChat::id).toList();
		List<Measured<SendLoad.PhaseResult>> gateway = new ArrayList<>();
		List<Measured<SendLoad.PhaseResult>> direct = new ArrayList<>();
		try (FlushMonitor flush = new FlushMonitor(options, chatIds)) {
			Thread.sleep(700);
			long baselineRows = flush.latestRows();
			Bench.log("warm-up %d s through the gateway %s (%d senders, %d chats)", options.warmUp().toSeconds(),
					sendOver, options.senders(), population.chats().size());
			long loadStart = System.nanoTime();
			load.run("warm-up", gatewayTarget, options.senders(), options.warmUp());
			for (int r = 1; r <= options.repeats(); r++) {
				Bench.log("repeat %d/%d: %d s through the gateway %s", r, options.repeats(),
						options.duration().toSeconds(), sendOver);
				gateway.add(phase(run, cpu, deliveries,
						() -> load.run("gateway", gatewayTarget, options.senders(), options.duration())));
				if (!chatInstances.isEmpty() && signer.isPresent()) {
					Bench.log("repeat %d/%d: %d s straight to chat-service %s by POST", r, options.repeats(),
							options.directDuration().toSeconds(), chatInstances);
					SendTarget straight = new SendTarget.StraightToChatService(chatInstances, signer.get());
					direct.add(phase(run, cpu, deliveries,
							() -> load.run("direct", straight, options.senders(), options.directDuration())));
				}
			}
			List<Profiler.Profile> profiles = options.profile() ? Profiler.around(run,
					() -> load.run("profiled", gatewayTarget, options.senders(), options.duration()).perSecond())
					: List.of();
			long loadEnd = System.nanoTime();
			population.sockets().closeAll();
			channel.closeAndRecord(report);
			run.loadFinished();

			List<SendLoad.PhaseResult> viaGateway = Measured.results(gateway);
			SendFigures.send(report,
					String.format(
							"1 send through the gateway %s (%d senders, %d chats, %d s after %d s "
									+ "warm-up, %d repeat(s))",
							sendOver, options.senders(), options.chats(), options.duration().toSeconds(),
							options.warmUp().toSeconds(), options.repeats()),
					viaGateway);
			SendFigures.delivery(report,
					String.format("2 delivery to WebSockets (%d of %d sessions: %d users x %d)", population.connected(),
							options.webSocketClients(), options.users(), options.sessionsPerUser()),
					viaGateway, deliveries, population.sockets(), population.connected());
			OverheadFigures.report(report, viaGateway, Measured.results(direct), deliveries, chatInstances);
			report.profiles(profiles);

			// seeding the hydration chats also keeps persistence busy while the flush is
			// watched
			Bench.log("hydration: %d chats x %d messages", options.hydrationChats(), options.hydrationMessages());
			Hydration.Result hydration;
			try {
				hydration = new Hydration(options, run.api, population.accounts(), load).run();
			}
			catch (Exception ex) {
				hydration = null;
				report.note("hydration failed: " + ex.getMessage());
			}
			long acknowledged = load.acknowledgedTotal.get();
			Duration budget = options.flushWait();
			if (options.quick()) {
				// keep --quick under 3 minutes whatever persistence does
				long left = 150 - (long) Bench.seconds(run.startNanos);
				budget = Duration.ofSeconds(Math.max(5, Math.min(budget.toSeconds(), left)));
			}
			Bench.log("flush: waiting (at most %d s) until MySQL holds the %d acknowledged messages",
					budget.toSeconds(), acknowledged);
			FlushMonitor.Sample reached = flush.awaitRows(baselineRows + acknowledged, budget);
			FlushFigures.report(report, baselineRows, acknowledged, loadStart, loadEnd, flush, reached);
			HydrationFigures.report(report, hydration);
		}
		if (options.ceilings()) {
			Ceilings ceilings = new Ceilings(options);
			Bench.log("ceilings: redis-benchmark LPUSH, then Kafka ProducerPerformance (acks=all, 200k x 250 B)");
			CeilingFigures.report(report, ceilings.redis(), ceilings.kafka());
		}
		ServerCostFigures.cpu(report, "7 server CPU through the gateway", "serverCpu", Measured.usages(gateway),
				Measured.results(gateway).stream().map(SendLoad.PhaseResult::acknowledged).toList());
		ServerCostFigures.cpu(report, "7 server CPU straight to chat-service", "serverCpuDirect",
				Measured.usages(direct),
				Measured.results(direct).stream().map(SendLoad.PhaseResult::acknowledged).toList());
	}

	/** One measured closed-loop phase, then its last deliveries get a few seconds. */
	static Measured<SendLoad.PhaseResult> phase(Run run, ProcessCpu cpu, Deliveries deliveries,
			Callable<SendLoad.PhaseResult> load) throws Exception {
		Measured<SendLoad.PhaseResult> measured = Measured.around(cpu, load);
		SendLoad.PhaseResult result = measured.result();
		Bench.log("  %.0f msg/s", result.perSecond());
		deliveries.drain(result.firstId(), result.endId(), run.drainLimit());
		return measured;
	}

}
