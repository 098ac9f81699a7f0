package dev.carrier.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.HdrHistogram.Histogram;

/**
 * The closed-loop figures of the default and the seed workloads: durable sends and their
 * latency, and the live deliveries of those sends on the bench's WebSockets. Each figure
 * is the median over the repeats (range in brackets); counts are summed.
 */
final class SendFigures {

	private SendFigures() {
	}

	static void send(Report report, String title, List<SendLoad.PhaseResult> repeats) {
		Stat rate = Stat.of(repeats, SendLoad.PhaseResult::perSecond);
		List<Histogram> latencies = repeats.stream().map(SendLoad.PhaseResult::latency).toList();
		report.headlineRate(rate.median());
		report.section(title);
		long acknowledged = repeats.stream().mapToLong(SendLoad.PhaseResult::acknowledged).sum();
		double seconds = repeats.stream().mapToLong(SendLoad.PhaseResult::nanos).sum() / 1e9;
		report.row("durable messages/s (201)", "%s  (%d in %.1f s)", rate.text("%.0f"), acknowledged, seconds);
		report.row("send latency p50 / p95 / p99 / max", latencyText(latencies, 50, 95, 99) + " / "
				+ Stat.of(latencies, h -> Report.ms(h.getMaxValue())).text("%.1f") + " ms");
		Map<Integer, Long> failures = Failures.sum(repeats.stream().map(SendLoad.PhaseResult::failures).toList());
		report.row("failed sends", Failures.describe(failures, firstFailure(repeats)));
		warnIfFailing(report, "through the gateway", failures, acknowledged);
		Map<String, Object> send = new LinkedHashMap<>();
		send.put("messagesPerSecond", rate.json());
		send.put("acknowledged", acknowledged);
		send.put("latency", latencyJson(latencies));
		send.put("failures", failures);
		report.put("send", send);
	}

	static void delivery(Report report, String title, List<SendLoad.PhaseResult> repeats, Deliveries deliveries,
			WebSockets sockets, int connected) {
		List<Histogram> latencies = repeats.stream().map(r -> deliveries.latency(r.window())).toList();
		DeliveryTally tally = DeliveryTally.NONE;
		for (SendLoad.PhaseResult repeat : repeats) {
			tally = tally.plus(deliveries.tally(repeat.firstId(), repeat.endId()));
		}
		report.section(title);
		if (!sockets.refusals().isEmpty()) {
			report.row("WebSocket connect attempts refused", sockets.refusals().toString());
		}
		report.row("send start -> message.created p50 / p99 / max", latencyText(latencies, 50, 99) + " / "
				+ Stat.of(latencies, h -> Report.ms(h.getMaxValue())).text("%.1f") + " ms");
		report.row("deliveries expected / received", "%d / %d", tally.expected(), tally.received());
		report.row("missing deliveries (to recipient / sender echo)", "%d (%d / %d; %d messages affected)",
				tally.missing(), tally.missingAtRecipients(), tally.missingAtSender(), tally.messagesMissing());
		report.row("duplicate deliveries", "%d%s", tally.duplicates(), sockets.closedEarly.get() > 0
				? "; " + sockets.closedEarly.get() + " sessions closed by the server" : "");
		report.row("every acknowledged message delivered live", tally.missing() == 0 ? "yes" : "NO");
		Map<String, Object> delivery = new LinkedHashMap<>();
		delivery.put("sessions", connected);
		delivery.put("connectRefusals", sockets.refusals());
		delivery.put("latency", latencyJson(latencies));
		putTally(delivery, tally);
		delivery.put("sessionsClosedByServer", sockets.closedEarly.get());
		report.put("delivery", delivery);
	}

	static void putTally(Map<String, Object> json, DeliveryTally tally) {
		json.put("expected", tally.expected());
		json.put("received", tally.received());
		json.put("missing", tally.missing());
		json.put("missingAtRecipients", tally.missingAtRecipients());
		json.put("missingSenderEchoes", tally.missingAtSender());
		json.put("messagesWithMissingDeliveries", tally.messagesMissing());
		json.put("duplicates", tally.duplicates());
		json.put("allDeliveredLive", tally.missing() == 0);
	}

	/** "p50 / p99" of each repeat's histogram, as medians with ranges, in ms. */
	static String latencyText(List<Histogram> repeats, double... percentiles) {
		return java.util.Arrays.stream(percentiles)
			.mapToObj(p -> Stat.of(repeats, h -> Report.ms(h, p)).text("%.1f"))
			.collect(Collectors.joining(" / "));
	}

	/** count (summed), then p50/p95/p99/max in ms, each as {median, min, max, runs}. */
	static Map<String, Object> latencyJson(List<Histogram> repeats) {
		Map<String, Object> s = new LinkedHashMap<>();
		s.put("count", repeats.stream().mapToLong(Histogram::getTotalCount).sum());
		s.put("p50Ms", Stat.of(repeats, h -> Report.ms(h, 50)).json());
		s.put("p95Ms", Stat.of(repeats, h -> Report.ms(h, 95)).json());
		s.put("p99Ms", Stat.of(repeats, h -> Report.ms(h, 99)).json());
		s.put("maxMs", Stat.of(repeats, h -> Report.ms(h.getMaxValue())).json());
		return s;
	}

	static String firstFailure(List<SendLoad.PhaseResult> repeats) {
		return repeats.stream().map(SendLoad.PhaseResult::firstFailure).filter(f -> f != null).findFirst().orElse(null);
	}

	/**
	 * A rate made mostly of refusals measures the refusals: say so where nobody can miss
	 * it.
	 */
	static void warnIfFailing(Report report, String where, Map<Integer, Long> failures, long acknowledged) {
		long failed = Failures.total(failures);
		long attempts = failed + acknowledged;
		if (attempts > 0 && failed * 100 > attempts) {
			report.note(String.format(
					"%.0f%% of the sends %s failed (%s): its rate and latency describe the failures, not "
							+ "the capacity; see ./carrier logs",
					100.0 * failed / attempts, where,
					failures.keySet().stream().map(Failures::label).collect(Collectors.joining(", "))));
		}
	}

}
