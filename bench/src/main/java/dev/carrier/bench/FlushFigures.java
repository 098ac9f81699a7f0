package dev.carrier.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Figure 4: how fast persistence-service writes the acknowledged messages to MySQL, and
 * its largest consumer lag meanwhile.
 */
final class FlushFigures {

	private FlushFigures() {
	}

	static void report(Report report, long baselineRows, long acknowledged, long loadStart, long loadEnd,
			FlushMonitor monitor, FlushMonitor.Sample reached) {
		report.section("4 flush to MySQL (persistence-service, bench chats only)");
		Map<String, Object> flush = new LinkedHashMap<>();
		FlushMonitor.Sample atEnd = monitor.at(loadEnd);
		double loadSeconds = (loadEnd - loadStart) / 1e9;
		if (atEnd == null || baselineRows < 0) {
			report.row("MySQL", "not readable: " + monitor.lastError());
			flush.put("error", monitor.lastError());
			report.put("flush", flush);
			return;
		}
		double during = (atEnd.rows() - baselineRows) / loadSeconds;
		report.row("rows/s written during the load", "%.0f  (%d of %d acknowledged by its end)", during,
				atEnd.rows() - baselineRows, acknowledged);
		flush.put("acknowledged", acknowledged);
		flush.put("rowsPerSecondDuringLoad", Report.round(during));
		if (reached != null) {
			double total = (reached.nanos() - loadStart) / 1e9;
			double overall = acknowledged / total;
			double behind = Math.max(0, (reached.nanos() - loadEnd) / 1e9);
			report.row("rows/s from load start until all were in", "%.0f", overall);
			report.row("all acknowledged in MySQL after the load", "%.1f s later", behind);
			flush.put("rowsPerSecondUntilCaughtUp", Report.round(overall));
			flush.put("caughtUpSecondsAfterLoad", Report.round2(behind));
		}
		else {
			long now = monitor.latestRows() - baselineRows;
			report.row("all acknowledged in MySQL", "NOT within the wait: %d of %d rows", now, acknowledged);
			flush.put("rowsAtGiveUp", now);
		}
		Double lag = monitor.maxLag();
		Double messageLag = monitor.maxMessageSentLag();
		report.row("max consumer lag (records_lag_max)",
				lag == null ? "not reported on :8083/actuator/prometheus"
						: String.format("%.0f records (message-sent topic: %s)", lag,
								messageLag == null ? "not reported" : String.format("%.0f", messageLag)));
		flush.put("maxConsumerLag", lag);
		flush.put("maxMessageSentLag", messageLag);
		report.put("flush", flush);
	}

}
