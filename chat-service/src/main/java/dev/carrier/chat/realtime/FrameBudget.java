package dev.carrier.chat.realtime;

import java.util.function.LongSupplier;

/**
 * How many frames one socket may send: a token bucket of {@code burst} frames refilled at
 * {@code perSecond}. A client that empties it is not a browser typing (the web app sends
 * a typing notice at most every 2 s), so its socket is closed rather than its frames
 * queued.
 */
final class FrameBudget {

	private static final double NANOS_PER_SECOND = 1_000_000_000.0;

	private final LongSupplier nanoClock;

	private final double refillPerNano;

	private final double capacity;

	private double tokens;

	private long lastRefill;

	FrameBudget(int perSecond, int burst, LongSupplier nanoClock) {
		this.nanoClock = nanoClock;
		this.refillPerNano = perSecond / NANOS_PER_SECOND;
		this.capacity = burst;
		this.tokens = burst;
		this.lastRefill = nanoClock.getAsLong();
	}

	/** Spends one frame; false once the socket has sent more than its budget. */
	synchronized boolean spend() {
		long now = this.nanoClock.getAsLong();
		this.tokens = Math.min(this.capacity, this.tokens + (now - this.lastRefill) * this.refillPerNano);
		this.lastRefill = now;
		if (this.tokens < 1) {
			return false;
		}
		this.tokens -= 1;
		return true;
	}

}
