package dev.carrier.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/** Failed sends of a phase by HTTP status (-1: transport), and the first one as text. */
final class Failures {

	/**
	 * The open loop gave a send up: no in-flight slot until well after its schedule
	 * ended.
	 */
	static final int NOT_STARTED = -2;

	private final Map<Integer, AtomicLong> byStatus = new ConcurrentHashMap<>();

	private final AtomicReference<String> first = new AtomicReference<>();

	void add(Api.Reply reply) {
		byStatus.computeIfAbsent(reply.status(), status -> new AtomicLong()).incrementAndGet();
		first.compareAndSet(null, reply.toString());
	}

	void notStarted() {
		byStatus.computeIfAbsent(NOT_STARTED, status -> new AtomicLong()).incrementAndGet();
		first.compareAndSet(null, "not started: every in-flight slot still taken 10 s after the schedule ended");
	}

	/** A snapshot of the counts, by status. */
	Map<Integer, Long> counts() {
		Map<Integer, Long> out = new TreeMap<>();
		byStatus.forEach((status, count) -> out.put(status, count.get()));
		return out;
	}

	String first() {
		return first.get();
	}

	static long total(Map<Integer, Long> counts) {
		return counts.values().stream().mapToLong(Long::longValue).sum();
	}

	/** Counts summed over repeats. */
	static Map<Integer, Long> sum(Iterable<Map<Integer, Long>> repeats) {
		Map<Integer, Long> out = new TreeMap<>();
		repeats.forEach(counts -> counts.forEach((status, n) -> out.merge(status, n, Long::sum)));
		return out;
	}

	/** "HTTP 500 x3, transport x1; first: …", or "none". */
	static String describe(Map<Integer, Long> counts, String first) {
		if (counts.isEmpty()) {
			return "none";
		}
		return counts.entrySet()
			.stream()
			.map(e -> label(e.getKey()) + " x" + e.getValue())
			.collect(Collectors.joining(", ")) + "; first: " + first;
	}

	static String label(int status) {
		return switch (status) {
			case -1 -> "transport";
			case NOT_STARTED -> "not started";
			default -> "HTTP " + status;
		};
	}

}
