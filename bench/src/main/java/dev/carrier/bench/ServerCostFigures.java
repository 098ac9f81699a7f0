package dev.carrier.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * What the load costs the servers alone (the bench's own CPU is shown but not counted):
 * CPU milliseconds per durable message, in all and per process, and the stack's resident
 * memory at rest before the load and after it.
 */
final class ServerCostFigures {

	/** The processes a full local stack has; the report says which were not found. */
	private static final List<String> EXPECTED = List.of("gateway", "auth-service", "chat-service",
			"persistence-service", "kafka", "redis", "mariadb");

	private ServerCostFigures() {
	}

	/**
	 * CPU of the measured phases: {@code usages.get(i)} was read around the phase that
	 * acknowledged {@code acknowledged.get(i)} messages.
	 */
	static void cpu(Report report, String title, String key, List<ProcessCpu.Usage> usages, List<Long> acknowledged) {
		if (usages.isEmpty() || usages.getFirst().cpuSeconds().isEmpty()) {
			return;
		}
		List<Integer> repeats = IntStream.range(0, usages.size()).boxed().toList();
		Stat perMessage = Stat.of(repeats, i -> msPerMessage(usages.get(i).serverCpuSeconds(), acknowledged.get(i)));
		Stat allPercent = Stat.of(usages, u -> 100 * u.serverCpuSeconds() / u.seconds());
		report.section("%s, this machine: %d cores = %d%%", title, Runtime.getRuntime().availableProcessors(),
				100 * Runtime.getRuntime().availableProcessors());
		report.row("server CPU per durable message", perMessage.text("%.2f") + " ms");
		report.row("  process", "% of one core | ms per durable message");
		Map<String, Object> perProcess = new LinkedHashMap<>();
		Set<String> names = new LinkedHashSet<>(usages.getFirst().cpuSeconds().keySet());
		names.remove(ProcessCpu.BENCH);
		for (String name : names) {
			Stat percent = Stat.of(usages, u -> u.percentOfCore(name));
			Stat ms = Stat.of(repeats,
					i -> msPerMessage(usages.get(i).cpuSeconds().getOrDefault(name, 0.0), acknowledged.get(i)));
			report.row("  " + name, "%s | %s", percent.text("%.0f"), ms.text("%.3f"));
			perProcess.put(name, Report.object("percentOfOneCore", percent.json(), "msPerDurableMessage", ms.json()));
		}
		report.row("  all servers", "%s | %s", allPercent.text("%.0f"), perMessage.text("%.2f"));
		Stat bench = Stat.of(usages, u -> u.percentOfCore(ProcessCpu.BENCH));
		report.row("  " + ProcessCpu.BENCH + ", not counted", "%s", bench.text("%.0f"));
		Map<String, Object> cpu = new LinkedHashMap<>();
		cpu.put("serverCpuMsPerDurableMessage", perMessage.json());
		cpu.put("serverPercentOfOneCore", allPercent.json());
		cpu.put("perProcess", perProcess);
		cpu.put("benchPercentOfOneCore", bench.json());
		report.put(key, cpu);
	}

	private static double msPerMessage(double cpuSeconds, long messages) {
		return messages == 0 ? Double.NaN : 1000 * cpuSeconds / messages;
	}

	/** Which processes were measured, how each was found, and which were not found. */
	static void processes(Report report, List<StackProcesses.Server> servers, ProcessCpu.Usage atRest) {
		report.section("server processes measured (CPU and memory), and their CPU at rest (%.0f s before the load)",
				atRest.seconds());
		List<Map<String, Object>> found = new ArrayList<>();
		for (StackProcesses.Server server : servers) {
			double idle = atRest.percentOfCore(server.name());
			report.row("  " + server.name(), "pid %d, from %s; at rest %.1f%% of one core", server.pid(),
					server.source(), idle);
			found.add(Report.object("name", server.name(), "pid", server.pid(), "source", server.source(),
					"restPercentOfOneCore", Report.round(idle)));
		}
		double idle = 100 * atRest.serverCpuSeconds() / atRest.seconds();
		report.row("  all servers at rest", "%.1f%% of one core", idle);
		List<String> missing = EXPECTED.stream()
			.filter(name -> servers.stream().noneMatch(s -> s.name().startsWith(name)))
			.toList();
		if (!missing.isEmpty()) {
			report.row("  not found (not counted)", String.join(", ", missing));
		}
		report.put("serverProcesses",
				Report.object("found", found, "notFound", missing, "restPercentOfOneCore", Report.round(idle)));
	}

	/**
	 * Sum of VmRSS of the servers at rest before the load and after it, and per process;
	 * and at rest the sum of Pss, which counts a page the processes share once, and the
	 * physical memory they hold together ({@link PhysicalPages}; null when the kernel
	 * hides page frames from this process).
	 */
	static void memory(Report report, Map<String, Long> beforeKb, Map<String, Long> afterKb,
			Map<String, Long> proportionalBeforeKb, OptionalLong distinctBeforeKb) {
		long before = sum(beforeKb);
		long after = sum(afterKb);
		long proportional = sum(proportionalBeforeKb);
		report.section("stack resident memory (VmRSS of the server processes)");
		report.row("at rest before the load / after it", "%.0f MB / %.0f MB", before / 1024.0, after / 1024.0);
		report.row("at rest, shared pages counted once (Pss)", "%.0f MB", proportional / 1024.0);
		report.row("at rest, distinct physical pages", "%s", distinctBeforeKb.isPresent()
				? String.format("%.0f MB", distinctBeforeKb.getAsLong() / 1024.0) : "- (page frames hidden: not root)");
		Map<String, Object> perProcess = new LinkedHashMap<>();
		for (String name : beforeKb.keySet()) {
			Long then = afterKb.get(name);
			Long shared = proportionalBeforeKb.get(name);
			report.row("  " + name, "%.0f | %s MB (Pss at rest %s)", beforeKb.get(name) / 1024.0,
					then == null ? "-" : String.format("%.0f", then / 1024.0),
					shared == null ? "-" : String.format("%.0f", shared / 1024.0));
			perProcess.put(name,
					Report.object("beforeMb", Report.round(beforeKb.get(name) / 1024.0), "afterMb",
							then == null ? "gone" : Report.round(then / 1024.0), "beforePssMb",
							shared == null ? "gone" : Report.round(shared / 1024.0)));
		}
		Map<String, Object> memory = new LinkedHashMap<>();
		memory.put("atRestBeforeMb", Report.round(before / 1024.0));
		memory.put("afterLoadMb", Report.round(after / 1024.0));
		memory.put("atRestProportionalMb", Report.round(proportional / 1024.0));
		memory.put("atRestDistinctMb",
				distinctBeforeKb.isPresent() ? Report.round(distinctBeforeKb.getAsLong() / 1024.0) : null);
		memory.put("perProcess", perProcess);
		report.put("residentMemory", memory);
	}

	private static long sum(Map<String, Long> kb) {
		return kb.values().stream().mapToLong(Long::longValue).sum();
	}

}
