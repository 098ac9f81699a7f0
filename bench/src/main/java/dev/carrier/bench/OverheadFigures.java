package dev.carrier.bench;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.HdrHistogram.Histogram;

/**
 * The gateway's cost: the same closed-loop load straight to the chat-service instances,
 * compared repeat by repeat with the load through the gateway. Straight to chat-service
 * the sends are POSTs; when the gateway phase sent over the socket the ratios compare two
 * transports as well, and the section says so.
 */
final class OverheadFigures {

	private OverheadFigures() {
	}

	static void report(Report report, List<SendLoad.PhaseResult> gateway, List<SendLoad.PhaseResult> direct,
			Deliveries deliveries, List<URI> instances) {
		Options.SendOver gatewaySendOver = report.options().sendOver();
		report.section("3 gateway overhead (the same load straight to chat-service %s by POST)",
				instances.stream().map(u -> String.valueOf(u.getPort())).collect(Collectors.joining(", ")));
		if (direct.isEmpty()) {
			report.row("straight to chat-service", "skipped: no chat-service instance answered, or no trust key");
			return;
		}
		Stat rate = Stat.of(direct, SendLoad.PhaseResult::perSecond);
		List<Histogram> latencies = direct.stream().map(SendLoad.PhaseResult::latency).toList();
		long acknowledged = direct.stream().mapToLong(SendLoad.PhaseResult::acknowledged).sum();
		report.row("direct durable messages/s", "%s  (%d in %.1f s)", rate.text("%.0f"), acknowledged,
				direct.stream().mapToLong(SendLoad.PhaseResult::nanos).sum() / 1e9);
		report.row("direct latency p50 / p99 / max", SendFigures.latencyText(latencies, 50, 99) + " / "
				+ Stat.of(latencies, h -> Report.ms(h.getMaxValue())).text("%.1f") + " ms");
		Map<Integer, Long> failures = Failures.sum(direct.stream().map(SendLoad.PhaseResult::failures).toList());
		report.row("failed direct sends", Failures.describe(failures, SendFigures.firstFailure(direct)));
		SendFigures.warnIfFailing(report, "straight to chat-service", failures, acknowledged);
		int pairs = Math.min(gateway.size(), direct.size());
		List<Integer> repeat = java.util.stream.IntStream.range(0, pairs).boxed().toList();
		Stat throughputRatio = Stat.of(repeat,
				i -> direct.get(i).perSecond() == 0 ? 0 : gateway.get(i).perSecond() / direct.get(i).perSecond());
		Stat p99Ratio = Stat.of(repeat, i -> {
			long d = direct.get(i).latency().getValueAtPercentile(99);
			return d == 0 ? 0 : (double) gateway.get(i).latency().getValueAtPercentile(99) / d;
		});
		if (gatewaySendOver != Options.SendOver.POST) {
			report.row("not like with like",
					"the gateway phase sent %s, this one by POST: the ratios below "
							+ "include the change of transport (--send-over post gives the gateway's own cost)",
					gatewaySendOver.phrase());
		}
		report.row("throughput gateway / direct", throughputRatio.text("%.2f"));
		report.row("p99 gateway / direct", p99Ratio.text("%.2f"));
		List<Histogram> deliveryLatencies = direct.stream().map(r -> deliveries.latency(r.window())).toList();
		DeliveryTally tally = DeliveryTally.NONE;
		for (SendLoad.PhaseResult one : direct) {
			tally = tally.plus(deliveries.tally(one.firstId(), one.endId()));
		}
		report.row("(direct phase) delivery p50 / p99; missing", "%s ms; %d of %d",
				SendFigures.latencyText(deliveryLatencies, 50, 99), tally.missing(), tally.expected());
		Map<String, Object> overhead = new LinkedHashMap<>();
		overhead.put("gatewaySendOver", gatewaySendOver.flag());
		overhead.put("directSendOver", Options.SendOver.POST.flag());
		overhead.put("directMessagesPerSecond", rate.json());
		overhead.put("directLatency", SendFigures.latencyJson(latencies));
		overhead.put("directFailures", failures);
		overhead.put("throughputGatewayOverDirect", throughputRatio.json());
		overhead.put("p99GatewayOverDirect", p99Ratio.json());
		overhead.put("directPhaseDeliveryLatency", SendFigures.latencyJson(deliveryLatencies));
		overhead.put("directPhaseMissingDeliveries", tally.missing());
		report.put("gatewayOverhead", overhead);
	}

}
