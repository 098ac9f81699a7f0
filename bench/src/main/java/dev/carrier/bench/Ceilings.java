package dev.carrier.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * What the machine's Redis and Kafka do on their own, measured in the same run so our
 * send rate can be read as a fraction of them: {@code redis-benchmark} LPUSH, and Kafka's
 * own ProducerPerformance with acks=all on a throwaway topic.
 */
final class Ceilings {

	record RedisCeiling(Double lpushPerSecond, String p50Millis, String note) {
	}

	record KafkaCeiling(Double recordsPerSecond, Double mbPerSecond, Double avgLatencyMillis, Long p99Millis,
			String note) {
	}

	private static final Pattern LPUSH = Pattern
		.compile("LPUSH: ([\\d.]+) requests per second(?:, p50=([\\d.]+) msec)?");

	private static final Pattern PRODUCER = Pattern.compile(
			"(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg latency, [\\d.]+ ms max latency, \\d+ ms 50th, \\d+ ms 95th, (\\d+) ms 99th");

	private final Options options;

	Ceilings(Options options) {
		this.options = options;
	}

	RedisCeiling redis() {
		// db 15 keeps the benchmark's "mylist" away from the keys of the running stack
		List<String> command = List.of("redis-benchmark", "-h", options.redisHost(), "-p",
				String.valueOf(options.redisPort()), "--dbnum", "15", "-t", "lpush", "-n", "200000", "-P", "1", "-q");
		try {
			String output = run(command, 180);
			Matcher match = LPUSH.matcher(output);
			Double rate = null;
			String p50 = null;
			while (match.find()) {
				rate = Double.parseDouble(match.group(1));
				p50 = match.group(2);
			}
			cleanUpList();
			return new RedisCeiling(rate, p50, rate == null ? "unexpected output: " + tail(output) : null);
		}
		catch (IOException ex) {
			return new RedisCeiling(null, null,
					"redis-benchmark not available (" + ex.getMessage() + "); apt-get install redis-tools");
		}
	}

	private void cleanUpList() {
		try {
			Resp.commands(options.redisHost(), options.redisPort(),
					List.of(new String[] { "SELECT", "15" }, new String[] { "DEL", "mylist" }));
		}
		catch (IOException ex) {
			// a leftover list in db 15 harms nobody
		}
	}

	KafkaCeiling kafka() {
		String topic = "carrier.bench.ceiling-" + Long.toHexString(System.nanoTime());
		Properties config = new Properties();
		config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, options.kafkaBootstrap());
		try (Admin admin = Admin.create(config)) {
			admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get(30, TimeUnit.SECONDS);
			try {
				String java = ProcessHandle.current().info().command().orElse("java");
				List<String> command = new ArrayList<>(
						List.of(java, "-Xmx512m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp",
								System.getProperty("java.class.path"), "org.apache.kafka.tools.ProducerPerformance",
								"--topic", topic, "--num-records", "200000", "--record-size", "250", "--throughput",
								"-1", "--producer-props", "acks=all", "bootstrap.servers=" + options.kafkaBootstrap()));
				String output = run(command, 240);
				Matcher match = PRODUCER.matcher(output);
				KafkaCeiling found = null;
				while (match.find()) {
					found = new KafkaCeiling(Double.parseDouble(match.group(2)), Double.parseDouble(match.group(3)),
							Double.parseDouble(match.group(4)), Long.parseLong(match.group(5)), null);
				}
				return found != null ? found
						: new KafkaCeiling(null, null, null, null, "unexpected output: " + tail(output));
			}
			finally {
				admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
			}
		}
		catch (Exception ex) {
			return new KafkaCeiling(null, null, null, null, "Kafka ceiling failed: " + ex);
		}
	}

	static String run(List<String> command, int timeoutSeconds) throws IOException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		try {
			byte[] bytes = process.getInputStream().readAllBytes();
			if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
			return new String(bytes, StandardCharsets.UTF_8).replace('\r', '\n');
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
			throw new IOException(ex);
		}
	}

	private static String tail(String output) {
		String trimmed = output.strip();
		return trimmed.length() > 300 ? trimmed.substring(trimmed.length() - 300) : trimmed;
	}

}
