package dev.carrier.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.HdrHistogram.Histogram;

/**
 * Collects the figures, prints them as one table and writes them as a small JSON file.
 * The sections themselves ({@link SendFigures}, {@link ServerCostFigures}, ...) are
 * written by one class per figure; this class holds the table, the JSON and the notes.
 */
final class Report {

	private final Options options;

	private final Map<String, Object> json = new LinkedHashMap<>();

	private final List<String[]> rows = new ArrayList<>();

	private final List<String> notes = new ArrayList<>();

	private final List<Profiler.Profile> profiles = new ArrayList<>();

	private Double headlineRate;

	Report(Options options, ZonedDateTime when) {
		this.options = options;
		json.put("at", when.withNano(0).format(DateTimeFormatter.ISO_INSTANT));
		json.put("mode", options.workload().name().toLowerCase());
		json.put("quick", options.quick());
		if (options.sendsMessages()) {
			// socket and POST figures differ severalfold: a reader must never mix them
			json.put("sendOver", options.sendOver().flag());
		}
		Map<String, Object> machine = new LinkedHashMap<>();
		machine.put("cores", Runtime.getRuntime().availableProcessors());
		machine.put("java", System.getProperty("java.version"));
		json.put("machine", machine);
		Map<String, Object> setup = new LinkedHashMap<>();
		setup.put("senders", options.senders());
		setup.put("chats", options.chats());
		setup.put("users", options.users());
		setup.put("sessionsPerUser", options.sessionsPerUser());
		setup.put("warmUpSeconds", options.warmUp().toSeconds());
		setup.put("seconds", options.duration().toSeconds());
		if (options.workload() == Options.Workload.DEFAULT) {
			setup.put("directSeconds", options.directDuration().toSeconds());
		}
		if (options.workload() == Options.Workload.OPEN) {
			setup.remove("senders");
			setup.put("rates", options.rates());
			setup.put("maxInFlight", options.maxInFlight());
		}
		setup.put("repeats", options.repeats());
		json.put("setup", setup);
	}

	Options options() {
		return options;
	}

	/** The rate the ceilings are compared with. */
	void headlineRate(double messagesPerSecond) {
		headlineRate = messagesPerSecond;
	}

	Double headlineRate() {
		return headlineRate;
	}

	void put(String key, Object value) {
		json.put(key, value);
	}

	void section(String format, Object... args) {
		rows.add(new String[] { String.format(format, args) });
	}

	void row(String label, String format, Object... args) {
		rows.add(new String[] { label, args.length == 0 ? format : String.format(format, args) });
	}

	void note(String note) {
		notes.add(note);
	}

	void profiles(List<Profiler.Profile> recorded) {
		profiles.addAll(recorded);
		if (!recorded.isEmpty()) {
			json.put("profiles", recorded.stream().map(ProfileFigures::json).toList());
		}
	}

	void elapsed(double seconds) {
		json.put("elapsedSeconds", round(seconds));
	}

	void print() {
		int width = rows.stream().filter(r -> r.length == 2).mapToInt(r -> r[0].length()).max().orElse(30) + 2;
		System.out.println();
		String what = options.ceilingsOnly() ? "ceilings only"
				: String.format("mode %s%s, %d repeat(s)%s", json.get("mode"), options.quick() ? " --quick" : "",
						options.repeats(),
						options.sendsMessages() ? ", sends through the gateway " + options.sendOver().phrase() : "");
		System.out.printf("Carrier bench %s  %s  (%d cores, JDK %s)%n", json.get("at"), what,
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
		for (String[] r : rows) {
			if (r.length == 1) {
				System.out.println();
				System.out.println(r[0]);
			}
			else {
				System.out.printf("  %-" + width + "s %s%n", r[0], r[1]);
			}
		}
		profiles.forEach(ProfileFigures::print);
		if (!notes.isEmpty()) {
			System.out.println();
			notes.forEach(n -> System.out.println("NOTE: " + n));
			json.put("notes", notes);
		}
		System.out.printf("%nelapsed %.0f s%n", ((Number) json.get("elapsedSeconds")).doubleValue());
	}

	Path write(Path file) throws IOException {
		Files.createDirectories(file.getParent());
		Files.writeString(file, Api.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n");
		return file;
	}

	/** A percentile of a latency histogram (µs) in ms. */
	static double ms(Histogram h, double percentile) {
		return ms(h.getValueAtPercentile(percentile));
	}

	static double ms(long micros) {
		return Math.round(micros / 10.0) / 100.0;
	}

	static Map<String, Object> summary(Histogram h) {
		Map<String, Object> s = new LinkedHashMap<>();
		s.put("count", h.getTotalCount());
		s.put("p50Ms", ms(h, 50));
		s.put("p95Ms", ms(h, 95));
		s.put("p99Ms", ms(h, 99));
		s.put("maxMs", ms(h.getMaxValue()));
		return s;
	}

	/** A JSON object whose keys keep the order given: key, value, key, value, ... */
	static Map<String, Object> object(Object... keysAndValues) {
		Map<String, Object> out = new LinkedHashMap<>();
		for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
			out.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return out;
	}

	static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

	static double round2(double value) {
		return Math.round(value * 100) / 100.0;
	}

}
