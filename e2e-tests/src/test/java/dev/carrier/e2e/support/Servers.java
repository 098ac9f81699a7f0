package dev.carrier.e2e.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real servers behind the running stack, for what a test must check or break from outside. */
public final class Servers {

	public static final Path ROOT = Path.of(CarrierApi.env("CARRIER_ROOT", "..")).toAbsolutePath().normalize();

	private Servers() {
	}

	/** Runs {@code redis-cli} exactly as an operator would, and returns what it printed. */
	public static String redisCli(String... args) {
		List<String> command = new ArrayList<>(List.of("redis-cli", "-h", "127.0.0.1", "-p", "6379"));
		command.addAll(List.of(args));
		return run(ROOT, command);
	}

	public static boolean redisHasKey(String key) {
		return redisCli("EXISTS", key).trim().equals("1");
	}

	public static Connection mysql() throws SQLException {
		return DriverManager.getConnection(CarrierApi.env("CARRIER_MYSQL_URL", "jdbc:mysql://127.0.0.1:3306/carrier"),
				CarrierApi.env("CARRIER_MYSQL_USER", "carrier"), CarrierApi.env("CARRIER_MYSQL_PASSWORD", "carrier"));
	}

	/** One number from MySQL, e.g. {@code count("select count(*) from messages where chat_id = ?", id)}. */
	public static long mysqlLong(String sql, Object... params) {
		try (Connection connection = mysql(); PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < params.length; i++) {
				statement.setObject(i + 1, params[i]);
			}
			try (ResultSet rows = statement.executeQuery()) {
				rows.next();
				return rows.getLong(1);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static List<String> mysqlStrings(String sql, Object... params) {
		try (Connection connection = mysql(); PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < params.length; i++) {
				statement.setObject(i + 1, params[i]);
			}
			List<String> values = new ArrayList<>();
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					values.add(rows.getString(1));
				}
			}
			return values;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** kill -9 of a process that {@code ./carrier up} started (by the PID it recorded). */
	public static void killHard(String process) {
		try {
			String pid = Files.readString(ROOT.resolve(".carrier/pids/" + process + ".pid")).trim();
			run(ROOT, List.of("kill", "-9", pid));
		}
		catch (IOException ex) {
			throw new IllegalStateException("no PID recorded for " + process, ex);
		}
	}

	/** {@code ./carrier up}: starts whatever is not running, waits until every service is UP. */
	public static void carrierUp() {
		run(ROOT, List.of("./carrier", "up"));
	}

	public static String allLogs() {
		StringBuilder text = new StringBuilder();
		try (var files = Files.list(ROOT.resolve(".carrier/logs"))) {
			for (Path file : files.filter(p -> p.toString().endsWith(".log")).toList()) {
				text.append(Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1));
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return text.toString();
	}

	private static String run(Path directory, List<String> command) {
		try {
			Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes());
			if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
				throw new IllegalStateException(command + " failed: " + output);
			}
			return output;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
