package dev.carrier.e2e.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

import dev.carrier.e2e.support.ProblemCheck;
import tools.jackson.databind.JsonNode;

/**
 * What counts as a violation: an answer that is not a 4xx problem document (as strictly
 * as the request's {@link Strictness} says), or a WebSocket the server drops or closes
 * with its own failure. Counts every answer by status and by kind of request, for the
 * report. Safe to use from many threads at once.
 */
final class Judge {

	private final Map<String, LongAdder> statuses = new ConcurrentHashMap<>();

	private final Map<String, LongAdder> labels = new ConcurrentHashMap<>();

	/**
	 * Each {@code <fault> <= <request>  ==> <answer>}; the report groups them by fault.
	 */
	private final Queue<String> violations = new ConcurrentLinkedQueue<>();

	void judge(Hostile request, Answer answer) {
		record(request.label(), answer.shownStatus());
		List<String> faults = new ArrayList<>();
		if (answer.timedOut()) {
			faults.add("no answer within the client timeout");
		}
		else if (answer.status() == -1) {
			if (request.strictness() == Strictness.STRICT) {
				faults.add("connection closed without an answer");
			}
		}
		else if (request.strictness() == Strictness.PROTOCOL) {
			if (answer.status() < 400 || answer.status() > 499) {
				faults.add("status " + answer.status() + " (want 4xx)");
			}
			faults.addAll(ProblemCheck.leaks(answer.reply()));
		}
		else {
			faults.addAll(ProblemCheck.refusalFaults(answer.reply()));
		}
		for (String fault : faults) {
			String answered = answer.reply() == null ? String.valueOf(answer.error()) : answer.status() + " "
					+ answer.reply().header("Content-Type") + " " + Shown.abbreviate(answer.reply().text(), 300);
			violations.add(request.label() + ": " + fault + " <= " + request + "  ==> " + answered);
		}
	}

	void record(String label, String status) {
		statuses.computeIfAbsent(status, k -> new LongAdder()).increment();
		labels.computeIfAbsent(label, k -> new LongAdder()).increment();
	}

	void checkCloseCode(String what, int code) {
		// 1011 is the server's own failure; 1006 means it dropped the connection without
		// a close frame.
		if (code == 1011 || code == 1006) {
			violations.add("ws: closed with " + code + " <= " + what + "  ==> close " + code);
		}
	}

	/**
	 * A hostile send over the socket must be refused with a 4xx problem; one that is
	 * answered {@code sent} was stored.
	 */
	void checkSendAnswer(JsonNode answer) {
		JsonNode problem = answer.path("problem");
		int status = problem.path("status").asInt();
		record("ws-send", answer.path("type").asString() + " " + status);
		if (!"send.failed".equals(answer.path("type").asString())) {
			violations.add("ws: a hostile send was stored  ==> " + Shown.abbreviate(answer.toString(), 300));
		}
		else if (status < 400 || status > 499 || problem.path("type").asString().isEmpty()
				|| problem.path("title").asString().isEmpty() || problem.path("detail").asString().isEmpty()) {
			violations.add("ws: a hostile send was answered with something else than a 4xx problem  ==> "
					+ Shown.abbreviate(answer.toString(), 300));
		}
	}

	void violation(String what) {
		violations.add(what);
	}

	List<String> violations() {
		return new ArrayList<>(violations);
	}

	/** Prints the answers by status and kind, and the violations grouped by fault. */
	void printReport(long requests, long frames, double seconds, long seed) {
		System.out.printf("%nfuzz: %d HTTP requests and %d WebSocket frames in %.1f s (%.0f requests/s)%n", requests,
				frames, seconds, requests / seconds);
		System.out.println("fuzz: answers by status: " + new TreeMap<>(counts(statuses)));
		System.out.println("fuzz: requests by kind: " + new TreeMap<>(counts(labels)));
		List<String> all = violations();
		Map<String, List<String>> byFault = all.stream()
			.collect(Collectors.groupingBy(v -> v.substring(0, v.indexOf(" <= ")), TreeMap::new, Collectors.toList()));
		System.out.printf("fuzz: %d violations in %d kinds (seed %d)%n", all.size(), byFault.size(), seed);
		byFault.forEach((fault, cases) -> {
			System.out.printf("  %5d x %s%n", cases.size(), fault);
			cases.stream()
				.limit(3)
				.forEach(c -> System.out.printf("        e.g. %s%n", c.substring(c.indexOf(" <= ") + 4)));
		});
	}

	private static Map<String, Long> counts(Map<String, LongAdder> adders) {
		return adders.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().sum()));
	}

}
