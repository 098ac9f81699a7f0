package dev.carrier.gateway.errors;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * Lets one line through per kind of event and window, and counts the rest: when a service
 * is down every request fails the same way, and one line per request (182,000 in one
 * benchmark) hides everything else in the log and costs the gateway more than the answers
 * do.
 */
final class BurstLog {

	private final long windowNanos;

	private final Map<String, Window> windows = new ConcurrentHashMap<>();

	BurstLog(Duration window) {
		this.windowNanos = window.toNanos();
	}

	/**
	 * Calls {@code log} with the number of events of this kind that were suppressed since
	 * the last line, if this event opens a new window; otherwise only counts it.
	 */
	void record(String kind, LongConsumer log) {
		if (this.windows.size() > 1000) {
			// Kinds are few (status, service, exception type); never let odd ones pile
			// up.
			this.windows.clear();
		}
		Window window = this.windows.computeIfAbsent(kind, k -> new Window());
		long now = System.nanoTime();
		long opened = window.openedAt.get();
		if (opened != 0 && now - opened < this.windowNanos) {
			window.suppressed.incrementAndGet();
			return;
		}
		if (window.openedAt.compareAndSet(opened, (now == 0) ? 1 : now)) {
			log.accept(window.suppressed.getAndSet(0));
		}
		else {
			window.suppressed.incrementAndGet();
		}
	}

	private static final class Window {

		final AtomicLong openedAt = new AtomicLong();

		final AtomicLong suppressed = new AtomicLong();

	}

}
