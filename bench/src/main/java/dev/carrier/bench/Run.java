package dev.carrier.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * One bench run: its options, the report it fills, the API client, the stack's server
 * processes, and their resident memory at rest before the load and after it.
 */
final class Run {

	final Options options;

	final String stamp;

	/** Marks this run's messages ({@code b#<id>#…}), so reruns never match old ones. */
	final String id;

	final Report report;

	final Api api;

	final List<StackProcesses.Server> servers;

	final Map<String, Long> memoryAtRestKb;

	/** The same, shared pages counted once ({@link StackProcesses#proportionalKb}). */
	final Map<String, Long> proportionalAtRestKb;

	/** The physical memory all of them hold at rest ({@link PhysicalPages}). */
	final OptionalLong distinctAtRestKb;

	/** The servers' CPU over a few seconds before any load: what they burn idle. */
	final ProcessCpu.Usage cpuAtRest;

	final long startNanos = System.nanoTime();

	private Map<String, Long> memoryAfterLoadKb = Map.of();

	static final Duration REST = Duration.ofSeconds(5);

	Run(Options options, String stamp, String id, Report report, Api api, List<StackProcesses.Server> servers)
			throws InterruptedException {
		this.options = options;
		this.stamp = stamp;
		this.id = id;
		this.report = report;
		this.api = api;
		this.servers = servers;
		this.memoryAtRestKb = StackProcesses.residentKb(servers);
		this.proportionalAtRestKb = StackProcesses.proportionalKb(servers);
		this.distinctAtRestKb = PhysicalPages.distinctKb(servers);
		ProcessCpu cpu = cpu();
		cpu.start();
		Thread.sleep(REST.toMillis());
		this.cpuAtRest = cpu.stop();
	}

	ProcessCpu cpu() {
		return new ProcessCpu(servers);
	}

	/** Called once the measured load is over (and its deliveries drained). */
	void loadFinished() {
		memoryAfterLoadKb = StackProcesses.residentKb(servers);
	}

	Map<String, Long> memoryAfterLoadKb() {
		return memoryAfterLoadKb;
	}

	/** How long to wait for the last deliveries of a phase. */
	Duration drainLimit() {
		return Duration.ofSeconds(options.quick() ? 3 : 10);
	}

}
