package dev.carrier.e2e.support;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The real servers behind the running stack, for what a test must check or break from
 * outside.
 *
 * <p>
 * Redis and MariaDB are found through the stack's own settings
 * ({@code CARRIER_REDIS_URL}, {@code CARRIER_MYSQL_URL}, passed on by {@code ./carrier}).
 * Killing a store or flushing Redis is allowed only on the project's own stores
 * ({@code CARRIER_OWN_STORES=1}: {@code ./carrier test} and {@code ./carrier chaos} run
 * the end-to-end stack on them), and only by the PID {@code ./carrier} recorded: a
 * machine's server is never looked up, killed or wiped.
 */
public final class Servers {

	public static final Path ROOT = Path.of(CarrierApi.env("CARRIER_ROOT", "..")).toAbsolutePath().normalize();

	/** The port of the project's own Redis, the only one a test may flush or kill. */
	private static final int OWN_REDIS_PORT = Integer.parseInt(CarrierApi.env("CARRIER_OWN_REDIS_PORT", "6380"));

	/**
	 * The Redis the stack uses: {@code CARRIER_REDIS_URL}, or, when it is unset, the
	 * project's own Redis for a stack on own stores (never the machine's by default: a
	 * FLUSHALL meant for the own Redis once reached the machine's that way).
	 */
	public static final URI REDIS = URI.create(CarrierApi.env("CARRIER_REDIS_URL",
			ownStores() ? "redis://127.0.0.1:" + OWN_REDIS_PORT : "redis://127.0.0.1:6379"));

	/**
	 * redis-cli commands that wipe or stop the server: only on the project's own Redis.
	 */
	private static final Set<String> DESTRUCTIVE_REDIS = Set.of("FLUSHALL", "FLUSHDB", "SHUTDOWN", "DEBUG");

	private Servers() {
	}

	/**
	 * Whether {@code ./carrier} runs this stack on the project's own Redis and MariaDB.
	 */
	public static boolean ownStores() {
		return "1".equals(CarrierApi.env("CARRIER_OWN_STORES", ""));
	}

	/**
	 * Runs {@code redis-cli} against the stack's Redis ({@code CARRIER_REDIS_URL}),
	 * exactly as an operator would, and returns what it printed. FLUSHALL, FLUSHDB,
	 * SHUTDOWN and DEBUG are refused unless the stack runs on the project's own stores.
	 */
	public static String redisCli(String... args) {
		if (args.length > 0 && DESTRUCTIVE_REDIS.contains(args[0].toUpperCase(Locale.ROOT))) {
			requireOwnStores("redis-cli " + args[0]);
		}
		String host = REDIS.getHost() == null ? "127.0.0.1" : REDIS.getHost();
		int port = REDIS.getPort() == -1 ? 6379 : REDIS.getPort();
		if (args.length > 0 && DESTRUCTIVE_REDIS.contains(args[0].toUpperCase(Locale.ROOT)) && port != OWN_REDIS_PORT) {
			throw new IllegalStateException("redis-cli " + args[0] + " refused: " + REDIS
					+ " is not the project's own Redis (:" + OWN_REDIS_PORT + ")");
		}
		List<String> command = new ArrayList<>(List.of("redis-cli", "-h", host, "-p", String.valueOf(port)));
		command.addAll(List.of(args));
		return run(ROOT, command);
	}

	/**
	 * kill -9 of the project's own Redis, by the PID {@code ./carrier} recorded for it.
	 */
	public static void killRedis() {
		killStore("redis");
	}

	/**
	 * Starts the project's own Redis again ({@code ./carrier start-store redis}) and
	 * waits until it answers.
	 */
	public static void startRedis() {
		startStore("redis");
	}

	/**
	 * kill -9 of the project's own MariaDB, by the PID {@code ./carrier} recorded for it.
	 */
	public static void killMariaDb() {
		killStore("mariadb");
	}

	/**
	 * Starts the project's own MariaDB again ({@code ./carrier start-store mariadb}) and
	 * waits until it answers.
	 */
	public static void startMariaDb() {
		startStore("mariadb");
	}

	private static void killStore(String name) {
		requireOwnStores("kill -9 of " + name);
		long pid = recordedPid(name);
		run(ROOT, List.of("kill", "-9", String.valueOf(pid)));
		awaitDead(pid);
	}

	private static void startStore(String name) {
		requireOwnStores("starting " + name);
		run(ROOT, List.of("./carrier", "start-store", name));
	}

	private static void requireOwnStores(String what) {
		if (!ownStores()) {
			throw new IllegalStateException(what + " is only done to the project's own stores, and this stack runs on "
					+ "the machine's (CARRIER_OWN_STORES is not 1): run it through ./carrier test or ./carrier chaos, or "
					+ "start the stack with CARRIER_OWN_STORES=1 ./carrier up and run the tests with CARRIER_OWN_STORES=1");
		}
	}

	/**
	 * The PID {@code ./carrier} recorded in .carrier/pids/&lt;name&gt;.pid; never one
	 * asked of the server itself.
	 */
	static long recordedPid(String name) {
		Path file = ROOT.resolve(".carrier/pids/" + name + ".pid");
		try {
			return Long.parseLong(Files.readString(file).trim());
		}
		catch (IOException | NumberFormatException ex) {
			throw new IllegalStateException("no PID recorded for " + name + " in " + file
					+ ": only a store that ./carrier started (CARRIER_OWN_STORES=1) is ever killed", ex);
		}
	}

	/** Until the process is gone or a zombie (a zombie holds no port and no lock). */
	private static void awaitDead(long pid) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (System.nanoTime() < deadline && runningNotZombie(pid)) {
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	private static boolean runningNotZombie(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
			// "pid (comm) S ...": the state follows the last ')'.
			return stat.substring(stat.lastIndexOf(')') + 2).charAt(0) != 'Z';
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
	}

	public static boolean redisHasKey(String key) {
		return redisCli("EXISTS", key).trim().equals("1");
	}

	public static Connection mysql() throws SQLException {
		String fallback = ownStores()
				? "jdbc:mysql://127.0.0.1:" + CarrierApi.env("CARRIER_OWN_MYSQL_PORT", "3307") + "/carrier"
				: "jdbc:mysql://127.0.0.1:3306/carrier";
		return DriverManager.getConnection(CarrierApi.env("CARRIER_MYSQL_URL", fallback),
				CarrierApi.env("CARRIER_MYSQL_USER", "carrier"), CarrierApi.env("CARRIER_MYSQL_PASSWORD", "carrier"));
	}

	/**
	 * One number from MySQL, e.g.
	 * {@code count("select count(*) from messages where chat_id = ?", id)}.
	 */
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

	/**
	 * kill -9 of a process that {@code ./carrier up} started (by the PID it recorded).
	 */
	public static void killHard(String process) {
		try {
			String pid = Files.readString(ROOT.resolve(".carrier/pids/" + process + ".pid")).trim();
			run(ROOT, List.of("kill", "-9", pid));
		}
		catch (IOException ex) {
			throw new IllegalStateException("no PID recorded for " + process, ex);
		}
	}

	/**
	 * {@code ./carrier up}: starts whatever is not running, waits until every service is
	 * UP.
	 */
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
			Process process = new ProcessBuilder(command).directory(directory.toFile())
				.redirectErrorStream(true)
				.start();
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
