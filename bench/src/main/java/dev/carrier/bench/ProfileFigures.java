package dev.carrier.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code --profile}: what the JFR recordings of the extra profiled phase say, printed
 * after the table (and written to the JSON).
 */
final class ProfileFigures {

	private ProfileFigures() {
	}

	static Map<String, Object> json(Profiler.Profile p) {
		Map<String, Object> one = new LinkedHashMap<>();
		one.put("service", p.service());
		one.put("file", p.file());
		one.put("samples", p.samples());
		one.put("selfTop", first(p.selfTop(), 8));
		one.put("carrierTop", first(p.carrierTop(), 8));
		one.put("jvmCpu", p.jvmCpu());
		one.put("machineCpu", p.machineCpu());
		one.put("gcPauseMillis", p.gcPauseMillis());
		if (p.note() != null) {
			one.put("note", p.note());
		}
		return one;
	}

	static void print(Profiler.Profile p) {
		System.out.println();
		if (p.note() != null) {
			System.out.println("profile of " + p.service() + ": " + p.note());
			return;
		}
		System.out.printf("profile of %s during the profiled send phase: %d execution samples (%s)%n", p.service(),
				p.samples(), p.file());
		if (p.jvmCpu() != null) {
			System.out.printf(
					"  CPU: this JVM %.0f%%, whole machine %.0f%% (of all cores); GC pauses %.0f ms in total%n",
					100 * p.jvmCpu(), 100 * p.machineCpu(), p.gcPauseMillis());
		}
		printTop("hot methods (self, top frame)", p.selfTop(), p.samples());
		printTop("under which Carrier method (first dev.carrier frame)", p.carrierTop(), p.samples());
		printTop("leaf frames by package", p.packageTop(), p.samples());
		if (!p.allocationTopMb().isEmpty()) {
			System.out.println("  most allocated (MB, sampled)");
			p.allocationTopMb().forEach((type, mb) -> System.out.printf("    %6d  %s%n", mb, type));
		}
	}

	private static void printTop(String title, Map<String, Long> top, long total) {
		System.out.println("  " + title);
		top.forEach((name, count) -> System.out.printf("    %5.1f%%  %s%n", 100.0 * count / Math.max(1, total), name));
	}

	private static Map<String, Long> first(Map<String, Long> map, int n) {
		Map<String, Long> out = new LinkedHashMap<>();
		map.entrySet().stream().limit(n).forEach(e -> out.put(e.getKey(), e.getValue()));
		return out;
	}

}
