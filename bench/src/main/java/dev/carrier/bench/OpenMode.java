package dev.carrier.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The open-loop workload: the default mode's users, chats and sockets, and sends at a
 * fixed rate, each timed from its intended start; for each rate of the sweep the measured
 * phase is repeated, and the sweep stops at the first rate the stack could not keep up
 * with.
 */
final class OpenMode {

	private OpenMode() {
	}

	static void run(Run run) throws Exception {
		Options options = run.options;
		Population population = Population.many(run);
		Deliveries deliveries = population.deliveries();
		SendChannel channel = new SendChannel(run.api, options.sendOver());
		OpenLoad load = new OpenLoad(run.api, channel, deliveries, population.chats(), options.maxInFlight());
		int first = options.rates().getFirst();
		Bench.log("warm-up %d s at %d msg/s, sends %s", options.warmUp().toSeconds(), first,
				options.sendOver().phrase());
		load.run(first, options.warmUp());
		ProcessCpu cpu = run.cpu();
		Map<Integer, List<Measured<OpenLoad.RateResult>>> byRate = new LinkedHashMap<>();
		int keptUp = first;
		for (int rate : options.rates()) {
			List<Measured<OpenLoad.RateResult>> repeats = new ArrayList<>();
			for (int r = 1; r <= options.repeats(); r++) {
				Bench.log("%d msg/s, repeat %d/%d: %d s", rate, r, options.repeats(), options.duration().toSeconds());
				Measured<OpenLoad.RateResult> measured = Measured.around(cpu, () -> load.run(rate, options.duration()));
				OpenLoad.RateResult result = measured.result();
				Bench.log("  %.0f msg/s durable, send p99 %.1f ms, %d late starts", result.perSecond(),
						Report.ms(result.latency(), 99), result.lateStarts());
				deliveries.drain(result.firstId(), result.endId(), run.drainLimit());
				repeats.add(measured);
			}
			byRate.put(rate, repeats);
			if (OpenLoopFigures.saturated(Measured.results(repeats))) {
				Bench.log("saturated at %d msg/s: the sweep stops here", rate);
				break;
			}
			keptUp = rate;
		}
		int profiledRate = keptUp;
		List<Profiler.Profile> profiles = options.profile()
				? Profiler.around(run, () -> load.run(profiledRate, options.duration()).perSecond()) : List.of();
		population.sockets().closeAll();
		channel.closeAndRecord(run.report);
		run.loadFinished();
		OpenLoopFigures.report(run.report, byRate, deliveries, population.connected());
		byRate.forEach((rate, repeats) -> ServerCostFigures.cpu(run.report,
				String.format("server CPU at %d msg/s scheduled", rate), "serverCpuAt" + rate, Measured.usages(repeats),
				Measured.results(repeats).stream().map(OpenLoad.RateResult::acknowledged).toList()));
		run.report.profiles(profiles);
	}

}
