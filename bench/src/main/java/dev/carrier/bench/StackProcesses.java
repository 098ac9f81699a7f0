package dev.carrier.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The server processes of the stack on this machine, and how each was found: the PIDs
 * {@code ./carrier} recorded in {@code <state>/pids/*.pid} (services, Kafka, the Redis
 * and MariaDB it started itself), the Redis the stack uses by its {@code INFO server}
 * {@code process_id}, and MariaDB by its {@code @@pid_file} or else by name (like
 * {@code pidof mariadbd mysqld}). A process counts only while /proc shows it.
 */
final class StackProcesses {

	/** A server process; {@code source} says how it was found. */
	record Server(String name, long pid, String source) {
	}

	private StackProcesses() {
	}

	static List<Server> find(Options options) {
		Map<Long, Server> found = new LinkedHashMap<>();
		try (var files = Files.list(options.stackState().resolve("pids"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".pid")).sorted().toList()) {
				try {
					long pid = Long.parseLong(Files.readString(file).trim());
					String name = file.getFileName().toString().replace(".pid", "");
					add(found, new Server(name, pid, "pids/" + file.getFileName()));
				}
				catch (IOException | NumberFormatException ex) {
					// a stale record: skip it
				}
			}
		}
		catch (IOException ex) {
			// no records: only the stores found below
		}
		redis(options, found);
		mariadb(options, found);
		return new ArrayList<>(found.values());
	}

	private static void redis(Options options, Map<Long, Server> found) {
		try {
			String info = Resp.bulk(options.redisHost(), options.redisPort(), "INFO", "server");
			for (String line : info.lines().toList()) {
				if (line.startsWith("process_id:")) {
					long pid = Long.parseLong(line.substring("process_id:".length()).trim());
					if (command(pid).contains("redis")) {
						add(found, new Server("redis", pid, "INFO server process_id"));
					}
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// not reachable, or on another machine
		}
	}

	private static void mariadb(Options options, Map<Long, Server> found) {
		try (Connection mysql = FlushMonitor.mysql(options);
				Statement statement = mysql.createStatement();
				ResultSet row = statement.executeQuery("select @@pid_file")) {
			if (row.next()) {
				long pid = Long.parseLong(Files.readString(Path.of(row.getString(1))).trim());
				if (command(pid).matches("mariadbd|mysqld")) {
					add(found, new Server("mariadb", pid, "@@pid_file " + row.getString(1)));
					return;
				}
			}
		}
		catch (SQLException | IOException | RuntimeException ex) {
			// the pid file is not readable here: look for the process by name
		}
		ProcessHandle.allProcesses().forEach(p -> {
			String name = command(p.pid());
			if (name.equals("mariadbd") || name.equals("mysqld")) {
				add(found, new Server("mariadb", p.pid(), "pidof " + name));
			}
		});
	}

	/**
	 * Keeps the first name a PID was found under; a PID /proc does not show is dropped.
	 */
	private static void add(Map<Long, Server> found, Server server) {
		if (!command(server.pid()).isEmpty()) {
			found.putIfAbsent(server.pid(), server);
		}
	}

	/** The kernel's name for the process ({@code /proc/<pid>/comm}), or "" if gone. */
	static String command(long pid) {
		try {
			return Files.readString(Path.of("/proc/" + pid + "/comm")).trim();
		}
		catch (IOException | RuntimeException ex) {
			return "";
		}
	}

	/**
	 * Resident memory (VmRSS) of each server in kB; servers gone meanwhile are left out.
	 */
	static Map<String, Long> residentKb(List<Server> servers) {
		return kb(servers, "status", "VmRSS:");
	}

	/**
	 * Proportional set size (Pss) of each server in kB: a resident page that n processes
	 * map (libjvm.so, the JDK's class archive, an AOT cache two instances share) counts
	 * 1/n in each, so the sum counts it once, where the sum of VmRSS counts it n times.
	 */
	static Map<String, Long> proportionalKb(List<Server> servers) {
		return kb(servers, "smaps_rollup", "Pss:");
	}

	private static Map<String, Long> kb(List<Server> servers, String procFile, String field) {
		Map<String, Long> sizes = new LinkedHashMap<>();
		for (Server server : servers) {
			try {
				for (String line : Files.readAllLines(Path.of("/proc/" + server.pid() + "/" + procFile))) {
					if (line.startsWith(field)) {
						sizes.put(server.name(), Long.parseLong(line.replaceAll("[^0-9]", "")));
					}
				}
			}
			catch (IOException | RuntimeException ex) {
				// gone
			}
		}
		return sizes;
	}

}
