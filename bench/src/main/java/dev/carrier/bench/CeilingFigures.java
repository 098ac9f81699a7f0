package dev.carrier.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Figure 6: what this machine's Redis and Kafka do on their own, and our send rate as a
 * fraction of each.
 */
final class CeilingFigures {

	private CeilingFigures() {
	}

	static void report(Report report, Ceilings.RedisCeiling redis, Ceilings.KafkaCeiling kafka) {
		report.section("6 machine ceilings (same run, after the load)");
		Map<String, Object> c = new LinkedHashMap<>();
		if (redis.lpushPerSecond() != null) {
			report.row("redis-benchmark LPUSH/s (-P 1, 50 clients)", "%.0f  (p50 %s ms); our sends = %s of it",
					redis.lpushPerSecond(), redis.p50Millis(), fraction(report, redis.lpushPerSecond()));
			c.put("redisLpushPerSecond", Report.round(redis.lpushPerSecond()));
			c.put("sendRateOverRedisLpush", fractionValue(report, redis.lpushPerSecond()));
		}
		else {
			report.row("redis-benchmark", redis.note());
			c.put("redisNote", redis.note());
		}
		if (kafka.recordsPerSecond() != null) {
			report.row("Kafka producer records/s (acks=all, 250 B)",
					"%.0f  (%.1f MB/s, avg %.0f ms, p99 %d ms); our sends = %s of it", kafka.recordsPerSecond(),
					kafka.mbPerSecond(), kafka.avgLatencyMillis(), kafka.p99Millis(),
					fraction(report, kafka.recordsPerSecond()));
			c.put("kafkaRecordsPerSecond", Report.round(kafka.recordsPerSecond()));
			c.put("sendRateOverKafka", fractionValue(report, kafka.recordsPerSecond()));
		}
		else {
			report.row("Kafka ProducerPerformance", kafka.note());
			c.put("kafkaNote", kafka.note());
		}
		report.put("ceilings", c);
	}

	private static String fraction(Report report, double ceiling) {
		Double rate = report.headlineRate();
		return rate == null || ceiling == 0 ? "?" : String.format("%.1f%%", 100 * rate / ceiling);
	}

	private static Double fractionValue(Report report, double ceiling) {
		Double rate = report.headlineRate();
		return rate == null || ceiling == 0 ? null : Math.round(10000 * rate / ceiling) / 10000.0;
	}

}
