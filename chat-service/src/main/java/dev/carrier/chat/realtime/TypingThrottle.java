package dev.carrier.chat.realtime;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * At most one typing notice per chat per interval from one socket; the rest are dropped
 * without an answer (typing is a hint that the next notice repeats, and an error frame
 * per dropped notice would be a flood of its own). Remembers a bounded number of chats,
 * so a socket naming endless chat ids cannot grow it.
 */
final class TypingThrottle {

	static final int MAX_CHATS = 64;

	private final Map<String, Long> lastRelayed = new HashMap<>();

	private final LongSupplier nanoClock;

	private final long intervalNanos;

	TypingThrottle(long intervalNanos, LongSupplier nanoClock) {
		this.intervalNanos = intervalNanos;
		this.nanoClock = nanoClock;
	}

	/** Whether this chat's typing notice may go out now; if so, it counts as sent. */
	synchronized boolean mayRelay(String chatId) {
		long now = this.nanoClock.getAsLong();
		Long last = this.lastRelayed.get(chatId);
		if (last != null && now - last < this.intervalNanos) {
			return false;
		}
		if (last == null && this.lastRelayed.size() >= MAX_CHATS) {
			this.lastRelayed.values().removeIf(sent -> now - sent >= this.intervalNanos);
			if (this.lastRelayed.size() >= MAX_CHATS) {
				return false;
			}
		}
		this.lastRelayed.put(chatId, now);
		return true;
	}

}
