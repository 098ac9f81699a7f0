package dev.carrier.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time (utime + stime from {@code /proc/<pid>/stat}, all threads) of each server
 * process of the stack and of the bench itself, read before and after a phase: on a small
 * machine "what dominates" starts with which process burns the cores, and the servers'
 * sum over the durable messages of the phase is the CPU each message costs.
 */
final class ProcessCpu {

	/** The kernel's clock ticks per second (USER_HZ), 100 on every Linux we run on. */
	private static final double TICKS_PER_SECOND = 100.0;

	static final String BENCH = "bench (this client)";

	/** CPU seconds per process over {@code seconds} of wall time. */
	record Usage(double seconds, Map<String, Double> cpuSeconds) {

		/** The servers' CPU seconds, the bench's own left out. */
		double serverCpuSeconds() {
			return cpuSeconds.entrySet()
				.stream()
				.filter(e -> !e.getKey().equals(BENCH))
				.mapToDouble(Map.Entry::getValue)
				.sum();
		}

		/** Share of one core (100 = one full core). */
		double percentOfCore(String name) {
			return seconds == 0 ? 0 : 100 * cpuSeconds.getOrDefault(name, 0.0) / seconds;
		}

	}

	private final Map<String, Long> pids = new LinkedHashMap<>();

	private Map<String, Long> startTicks = Map.of();

	private long startNanos;

	ProcessCpu(List<StackProcesses.Server> servers) {
		servers.forEach(server -> pids.put(server.name(), server.pid()));
		pids.put(BENCH, ProcessHandle.current().pid());
	}

	void start() {
		startNanos = System.nanoTime();
		startTicks = ticks();
	}

	Usage stop() {
		double seconds = (System.nanoTime() - startNanos) / 1e9;
		Map<String, Double> used = new LinkedHashMap<>();
		ticks().forEach((name, ticks) -> {
			Long before = startTicks.get(name);
			if (before != null) {
				used.put(name, (ticks - before) / TICKS_PER_SECOND);
			}
		});
		return new Usage(seconds, used);
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
