package dev.carrier.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Watches what persistence-service has written: the number of MySQL rows of the bench
 * chats' messages (polled twice a second) and the Kafka consumer lag it reports on
 * /actuator/prometheus.
 */
final class FlushMonitor implements AutoCloseable {

	record Sample(long nanos, long rows) {
	}

	private final Options options;

	private final List<String> chatIds;

	private final List<Sample> samples = Collections.synchronizedList(new ArrayList<>());

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private volatile double maxLag = Double.NaN;

	private volatile boolean lagSeen;

	private volatile double maxMessageSentLag = -1;

	private volatile boolean running = true;

	private volatile String lastError;

	private final Thread poller;

	FlushMonitor(Options options, List<String> chatIds) {
		this.options = options;
		this.chatIds = chatIds;
		this.poller = Thread.ofVirtual().name("flush-monitor").start(this::poll);
	}

	static Connection mysql(Options options) throws SQLException {
		return DriverManager.getConnection(options.mysqlUrl(), options.mysqlUser(), options.mysqlPassword());
	}

	/** Rows of {@code table} whose {@code column} is one of the ids. */
	static long count(Connection connection, String table, String column, List<String> ids) throws SQLException {
		String marks = String.join(",", Collections.nCopies(ids.size(), "?"));
		try (PreparedStatement statement = connection
			.prepareStatement("select count(*) from " + table + " where " + column + " in (" + marks + ")")) {
			for (int i = 0; i < ids.size(); i++) {
				statement.setString(i + 1, ids.get(i));
			}
			try (ResultSet rows = statement.executeQuery()) {
				rows.next();
				return rows.getLong(1);
			}
		}
	}

	private void poll() {
		Connection connection = null;
		while (running) {
			try {
				if (connection == null) {
					connection = mysql(options);
				}
				samples.add(new Sample(System.nanoTime(), count(connection, "messages", "chat_id", chatIds)));
			}
			catch (SQLException ex) {
				lastError = ex.getMessage();
				connection = null;
			}
			readLag();
			try {
				Thread.sleep(500);
			}
			catch (InterruptedException ex) {
				return;
			}
		}
		try {
			if (connection != null) {
				connection.close();
			}
		}
		catch (SQLException ex) {
			// closing anyway
		}
	}

	/**
	 * The largest lag any of persistence-service's consumers reports: the client's
	 * {@code records_lag_max} and the per-partition {@code records_lag} (a consumer that
	 * has not fetched yet reports NaN, skipped), overall and for the message-sent topic.
	 */
	private void readLag() {
		for (String line : prometheus(http, options.persistence()).lines().toList()) {
			if (line.startsWith("kafka_consumer_fetch_manager_records_lag_max{")
					|| line.startsWith("kafka_consumer_fetch_manager_records_lag{")) {
				try {
					double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
					if (!Double.isNaN(value) && !Double.isInfinite(value)) {
						lagSeen = true;
						maxLag = Double.isNaN(maxLag) ? value : Math.max(maxLag, value);
						if (line.contains("topic=\"carrier.chat.message-sent\"")) {
							maxMessageSentLag = Math.max(maxMessageSentLag, value);
						}
					}
				}
				catch (NumberFormatException ex) {
					// not a number: nothing consumed yet
				}
			}
		}
	}

	static String prometheus(HttpClient http, URI service) {
		try {
			var response = http.send(HttpRequest.newBuilder(service.resolve("/actuator/prometheus"))
				.timeout(Duration.ofSeconds(3))
				.build(), BodyHandlers.ofString());
			return response.statusCode() == 200 ? response.body() : "";
		}
		catch (Exception ex) {
			return "";
		}
	}

	long latestRows() {
		synchronized (samples) {
			return samples.isEmpty() ? -1 : samples.getLast().rows();
		}
	}

	/** The first sample at or after {@code nanos}. */
	Sample at(long nanos) {
		synchronized (samples) {
			for (Sample sample : samples) {
				if (sample.nanos() >= nanos) {
					return sample;
				}
			}
			return samples.isEmpty() ? null : samples.getLast();
		}
	}

	/**
	 * Waits (bounded) until MySQL holds {@code target} rows; the sample that first did,
	 * or null.
	 */
	Sample awaitRows(long target, Duration limit) throws InterruptedException {
		long deadline = System.nanoTime() + limit.toNanos();
		while (System.nanoTime() < deadline) {
			if (lastError != null && latestRows() < 0) {
				return null;
			}
			synchronized (samples) {
				for (Sample sample : samples) {
					if (sample.rows() >= target) {
						return sample;
					}
				}
			}
			Thread.sleep(200);
		}
		return null;
	}

	Double maxLag() {
		return lagSeen ? maxLag : null;
	}

	Double maxMessageSentLag() {
		return maxMessageSentLag < 0 ? null : maxMessageSentLag;
	}

	String lastError() {
		return lastError;
	}

	@Override
	public void close() {
		running = false;
		poller.interrupt();
	}

}
