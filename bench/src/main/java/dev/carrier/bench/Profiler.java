package dev.carrier.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * {@code --profile}: a JFR recording (settings=profile) of a service started by
 * {@code ./carrier up}, found by the PID it recorded, around the measured send phase;
 * then the hot methods from its execution samples: self time (top frame), the first
 * Carrier frame on each stack (which of our code paths the time is spent under), and the
 * leaf frames grouped by package.
 */
final class Profiler {

	record Profile(String service, String file, long samples, Map<String, Long> selfTop, Map<String, Long> carrierTop,
			Map<String, Long> packageTop, Double jvmCpu, Double machineCpu, Double gcPauseMillis,
			Map<String, Long> allocationTopMb, String note) {
	}

	private final Path root;

	private final Path stackState;

	private final String service;

	private final String recording = "carrier-bench";

	private Path file;

	private String pid;

	private String note;

	Profiler(Path root, Path stackState, String service) {
		this.root = root;
		this.stackState = stackState;
		this.service = service;
	}

	/**
	 * Runs one extra phase with a JFR of both chat-service instances and the gateway,
	 * kept out of the headline figures; the phase answers its durable messages/s. Both
	 * instances, since a socket's sends all go to the instance it landed on.
	 */
	static List<Profile> around(Run run, java.util.concurrent.Callable<Double> phase) throws Exception {
		List<Profiler> profilers = new ArrayList<>();
		for (String service : List.of("chat-service", "chat-service-2", "gateway")) {
			Profiler profiler = new Profiler(run.options.root(), run.options.stackState(), service);
			profiler.start(run.stamp);
			profilers.add(profiler);
		}
		double rate = phase.call();
		List<Profile> profiles = new ArrayList<>();
		for (Profiler profiler : profilers) {
			profiles.add(profiler.stopAndSummarize(12));
		}
		run.report.note(String.format("the profiled phase (JFR on; not in the figures above) did %.0f msg/s", rate));
		return profiles;
	}

	void start(String stamp) {
		try {
			Path pidFile = stackState.resolve("pids/" + service + ".pid");
			pid = Files.readString(pidFile).trim();
			file = root.resolve(".carrier/bench/" + service + "-" + stamp + ".jfr");
			Files.createDirectories(file.getParent());
			String out = Ceilings.run(
					List.of(jcmd(), pid, "JFR.start", "name=" + recording, "settings=profile", "filename=" + file), 60);
			if (!out.contains("Started recording")) {
				note = "JFR.start: " + out.strip();
				pid = null;
			}
		}
		catch (IOException ex) {
			note = "cannot profile " + service + ": " + ex.getMessage();
			pid = null;
		}
	}

	Profile stopAndSummarize(int top) {
		if (pid == null) {
			return new Profile(service, null, 0, Map.of(), Map.of(), Map.of(), null, null, null, Map.of(), note);
		}
		try {
			Ceilings.run(List.of(jcmd(), pid, "JFR.stop", "name=" + recording, "filename=" + file), 120);
			Map<String, Long> self = new HashMap<>();
			Map<String, Long> carrier = new HashMap<>();
			Map<String, Long> packages = new HashMap<>();
			Map<String, Long> allocated = new HashMap<>();
			long samples = 0;
			double jvmCpu = 0;
			double machineCpu = 0;
			int cpuSamples = 0;
			double gcPause = 0;
			for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
				switch (event.getEventType().getName()) {
					case "jdk.CPULoad" -> {
						jvmCpu += event.getFloat("jvmUser") + event.getFloat("jvmSystem");
						machineCpu += event.getFloat("machineTotal");
						cpuSamples++;
					}
					case "jdk.GarbageCollection" -> gcPause += event.getDuration("sumOfPauses").toNanos() / 1e6;
					case "jdk.ObjectAllocationSample" ->
						allocated.merge(event.getClass("objectClass").getName(), event.getLong("weight"), Long::sum);
					default -> {
					}
				}
				if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
					continue;
				}
				List<RecordedFrame> frames = event.getStackTrace().getFrames();
				if (frames.isEmpty()) {
					continue;
				}
				samples++;
				RecordedFrame leaf = frames.getFirst();
				self.merge(name(leaf), 1L, Long::sum);
				packages.merge(packageOf(leaf), 1L, Long::sum);
				String ours = "(no Carrier frame in the recorded stack)";
				for (RecordedFrame frame : frames) {
					if (frame.getMethod().getType().getName().startsWith("dev.carrier.")) {
						ours = name(frame);
						break;
					}
				}
				carrier.merge(ours, 1L, Long::sum);
			}
			Map<String, Long> allocationMb = new LinkedHashMap<>();
			top(allocated, 6).forEach((type, bytes) -> allocationMb.put(type, bytes >> 20));
			return new Profile(service, root.relativize(file).toString(), samples, top(self, top), top(carrier, top),
					top(packages, top), cpuSamples == 0 ? null : jvmCpu / cpuSamples,
					cpuSamples == 0 ? null : machineCpu / cpuSamples, gcPause, allocationMb, null);
		}
		catch (IOException ex) {
			return new Profile(service, String.valueOf(file), 0, Map.of(), Map.of(), Map.of(), null, null, null,
					Map.of(), "reading the recording failed: " + ex.getMessage());
		}
	}

	private static String name(RecordedFrame frame) {
		String type = frame.getMethod().getType().getName();
		return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName() + "  ["
				+ (type.contains(".") ? type.substring(0, type.lastIndexOf('.')) : "") + "]";
	}

	private static String packageOf(RecordedFrame frame) {
		String[] parts = frame.getMethod().getType().getName().split("\\.");
		int keep = Math.min(parts.length - 1, parts[0].equals("jdk") || parts[0].equals("java") ? 2 : 3);
		return keep <= 0 ? "(default)" : String.join(".", java.util.Arrays.copyOf(parts, keep));
	}

	private static Map<String, Long> top(Map<String, Long> counts, int n) {
		List<Map.Entry<String, Long>> entries = new ArrayList<>(counts.entrySet());
		entries.sort(Map.Entry.<String, Long>comparingByValue().reversed());
		Map<String, Long> top = new LinkedHashMap<>();
		for (Map.Entry<String, Long> entry : entries.subList(0, Math.min(n, entries.size()))) {
			top.put(entry.getKey(), entry.getValue());
		}
		return top;
	}

	private static String jcmd() {
		String java = ProcessHandle.current().info().command().orElse("java");
		Path bin = Path.of(java).getParent();
		return bin == null ? "jcmd" : bin.resolve("jcmd").toString();
	}

}
