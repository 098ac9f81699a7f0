package dev.carrier.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time of every process of the stack (the PIDs {@code ./carrier} recorded, Redis,
 * MariaDB) and of the bench itself, read from /proc around a phase: on a small machine
 * the question "what dominates" starts with which process burns the cores.
 */
final class ProcessCpu {

	private static final double TICKS_PER_SECOND = 100.0;

	private final Map<String, Long> pids = new LinkedHashMap<>();

	private Map<String, Long> startTicks = Map.of();

	private long startNanos;

	ProcessCpu(Path root) {
		try (var files = Files.list(root.resolve(".carrier/pids"))) {
			files.filter(f -> f.toString().endsWith(".pid")).sorted().forEach(f -> {
				try {
					pids.put(f.getFileName().toString().replace(".pid", ""),
							Long.parseLong(Files.readString(f).trim()));
				}
				catch (IOException | NumberFormatException ex) {
					// a stale record: skip it
				}
			});
		}
		catch (IOException ex) {
			// no records: only the servers found below
		}
		ProcessHandle.allProcesses().forEach(p -> {
			try {
				// the kernel's name for it: redis-server's executable may be a link to
				// redis-check-rdb
				String name = Files.readString(Path.of("/proc/" + p.pid() + "/comm")).trim();
				if (name.equals("redis-server") || name.equals("mariadbd") || name.equals("mysqld")) {
					pids.putIfAbsent(name, p.pid());
				}
			}
			catch (IOException | RuntimeException ex) {
				// gone meanwhile, or not Linux
			}
		});
		pids.put("bench (this client)", ProcessHandle.current().pid());
	}

	void start() {
		startNanos = System.nanoTime();
		startTicks = ticks();
	}

	/**
	 * Per process, the share of one core used since {@link #start()} (100 = one full
	 * core).
	 */
	Map<String, Double> stop() {
		double seconds = (System.nanoTime() - startNanos) / 1e9;
		Map<String, Long> end = ticks();
		Map<String, Double> percent = new LinkedHashMap<>();
		end.forEach((name, ticks) -> {
			Long before = startTicks.get(name);
			if (before != null && seconds > 0) {
				percent.put(name, Math.round(1000 * (ticks - before) / TICKS_PER_SECOND / seconds) / 10.0);
			}
		});
		return percent;
	}

	private Map<String, Long> ticks() {
		Map<String, Long> ticks = new LinkedHashMap<>();
		pids.forEach((name, pid) -> {
			try {
				String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
				// the command may contain spaces: fields are counted after the closing
				// parenthesis
				String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
				ticks.put(name, Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
			}
			catch (IOException | RuntimeException ex) {
				// gone or not Linux
			}
		});
		return ticks;
	}

}
