package dev.carrier.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Issue 17's side-by-side workload: ONE user sends, from 8 closed-loop senders, over 10
 * direct chats with 10 other users, each of whom holds one WebSocket through the gateway;
 * 20 s per repeat after a short warm-up. The figures to compare with the Flask app it
 * replaces: durable msg/s, send latency, and sender-to-screen latency (send start until
 * {@code message.created} arrives on the recipient's socket), with a check that every
 * acknowledged message was delivered live.
 */
final class SeedMode {

	private SeedMode() {
	}

	static void run(Run run) throws Exception {
		Options options = run.options;
		Report report = run.report;
		Population population = Population.oneToMany(run);
		Deliveries deliveries = population.deliveries();
		// only the first member of each chat, the one user, sends
		SendChannel channel = new SendChannel(run.api, options.sendOver());
		SendLoad load = new SendLoad(run.api, channel, deliveries, population.chats(), false);
		SendTarget gateway = new SendTarget.ThroughGateway(options.gateway());
		Bench.log("warm-up %d s (one user, %d senders, %d chats, sends %s)", options.warmUp().toSeconds(),
				options.senders(), population.chats().size(), options.sendOver().phrase());
		load.run("warm-up", gateway, options.senders(), options.warmUp());
		ProcessCpu cpu = run.cpu();
		List<Measured<SendLoad.PhaseResult>> repeats = new ArrayList<>();
		for (int r = 1; r <= options.repeats(); r++) {
			Bench.log("repeat %d/%d: %d s", r, options.repeats(), options.duration().toSeconds());
			repeats.add(DefaultMode.phase(run, cpu, deliveries,
					() -> load.run("seed", gateway, options.senders(), options.duration())));
		}
		List<Profiler.Profile> profiles = options.profile()
				? Profiler.around(run,
						() -> load.run("profiled", gateway, options.senders(), options.duration()).perSecond())
				: List.of();
		population.sockets().closeAll();
		channel.closeAndRecord(report);
		run.loadFinished();

		List<SendLoad.PhaseResult> results = Measured.results(repeats);
		SendFigures.send(report,
				String.format(
						"1 seed workload: one user, %d closed-loop senders, %d direct chats, %d s after %d s "
								+ "warm-up, %d repeat(s), through the gateway %s",
						options.senders(), population.chats().size(), options.duration().toSeconds(),
						options.warmUp().toSeconds(), options.repeats(), options.sendOver().phrase()),
				results);
		SendFigures
			.delivery(report,
					String.format("2 sender-to-screen: %d of %d recipients' sockets", population.connected(),
							options.webSocketClients()),
					results, deliveries, population.sockets(), population.connected());
		ServerCostFigures.cpu(report, "3 server CPU", "serverCpu", Measured.usages(repeats),
				results.stream().map(SendLoad.PhaseResult::acknowledged).toList());
		report.profiles(profiles);
	}

}
