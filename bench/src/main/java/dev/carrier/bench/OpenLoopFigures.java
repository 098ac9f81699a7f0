package dev.carrier.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.HdrHistogram.Histogram;

/**
 * The open-loop figures, per scheduled rate: the durable rate achieved, send and delivery
 * latency from each send's intended start, the sends that could not start on time, and
 * the failures; medians over the repeats, counts summed.
 */
final class OpenLoopFigures {

	private OpenLoopFigures() {
	}

	/**
	 * The stack did not keep up: under 90 % of the scheduled rate became durable, or more
	 * than 1 % of the sends failed.
	 */
	static boolean saturated(List<OpenLoad.RateResult> repeats) {
		Stat achieved = Stat.of(repeats, OpenLoad.RateResult::perSecond);
		long failed = repeats.stream().mapToLong(r -> Failures.total(r.failures())).sum();
		long scheduled = repeats.stream().mapToLong(OpenLoad.RateResult::scheduled).sum();
		return achieved.median() < 0.9 * repeats.getFirst().rate() || failed * 100 > scheduled;
	}

	static void report(Report report, Map<Integer, List<Measured<OpenLoad.RateResult>>> byRate, Deliveries deliveries,
			int sessions) {
		List<Map<String, Object>> rates = new ArrayList<>();
		Integer saturatedAt = null;
		for (var entry : byRate.entrySet()) {
			List<OpenLoad.RateResult> repeats = Measured.results(entry.getValue());
			boolean saturated = saturated(repeats);
			if (saturated && saturatedAt == null) {
				saturatedAt = entry.getKey();
			}
			rates.add(rate(report, entry.getKey(), repeats, deliveries, saturated));
		}
		report.put("openLoop", Report.object("sessions", sessions, "lateMeansMs", OpenLoad.LATE_NANOS / 1_000_000,
				"rates", rates, "saturatedAt", saturatedAt == null ? "not reached" : saturatedAt));
	}

	private static Map<String, Object> rate(Report report, int rate, List<OpenLoad.RateResult> repeats,
			Deliveries deliveries, boolean saturated) {
		Stat achieved = Stat.of(repeats, OpenLoad.RateResult::perSecond);
		List<Histogram> send = repeats.stream().map(OpenLoad.RateResult::latency).toList();
		List<Histogram> delivery = repeats.stream().map(r -> deliveries.latency(r.window())).toList();
		List<Histogram> startLag = repeats.stream().map(OpenLoad.RateResult::startLag).toList();
		long scheduled = repeats.stream().mapToLong(OpenLoad.RateResult::scheduled).sum();
		long late = repeats.stream().mapToLong(OpenLoad.RateResult::lateStarts).sum();
		Map<Integer, Long> failures = Failures.sum(repeats.stream().map(OpenLoad.RateResult::failures).toList());
		String first = repeats.stream()
			.map(OpenLoad.RateResult::firstFailure)
			.filter(f -> f != null)
			.findFirst()
			.orElse(null);
		DeliveryTally tally = DeliveryTally.NONE;
		for (OpenLoad.RateResult one : repeats) {
			tally = tally.plus(deliveries.tally(one.firstId(), one.endId()));
		}
		report.section("open loop at %d msg/s scheduled, sent %s (%d s x %d repeat(s))%s", rate,
				report.options().sendOver().phrase(), repeats.getFirst().scheduled() / Math.max(1, rate),
				repeats.size(), saturated ? ": SATURATED" : "");
		report.row("durable messages/s achieved", "%s  (%d of %d scheduled sends)", achieved.text("%.0f"),
				repeats.stream().mapToLong(OpenLoad.RateResult::acknowledged).sum(), scheduled);
		report.row("send latency from intended start p50 / p99 / max", SendFigures.latencyText(send, 50, 99) + " / "
				+ Stat.of(send, h -> Report.ms(h.getMaxValue())).text("%.1f") + " ms");
		report.row("delivery from intended start p50 / p99", SendFigures.latencyText(delivery, 50, 99) + " ms");
		report.row("sends that started late (> 10 ms); start lag p99", "%d; %s ms", late,
				SendFigures.latencyText(startLag, 99));
		report.row("failed sends", Failures.describe(failures, first));
		report.row("deliveries expected / received / missing / dup.", "%d / %d / %d / %d", tally.expected(),
				tally.received(), tally.missing(), tally.duplicates());
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("rate", rate);
		json.put("scheduled", scheduled);
		json.put("achievedPerSecond", achieved.json());
		json.put("sendLatencyFromIntendedStart", SendFigures.latencyJson(send));
		json.put("deliveryLatencyFromIntendedStart", SendFigures.latencyJson(delivery));
		json.put("lateStarts", late);
		json.put("startLag", SendFigures.latencyJson(startLag));
		json.put("failures", failures);
		SendFigures.putTally(json, tally);
		json.put("saturated", saturated);
		return json;
	}

}
