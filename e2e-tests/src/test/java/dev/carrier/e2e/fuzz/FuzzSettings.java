package dev.carrier.e2e.fuzz;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * How big a fuzz run is and which cases it draws, from the system properties that
 * {@code ./carrier test} and {@code ./carrier fuzz} pass.
 *
 * @param requests HTTP requests in all ({@code -Dcarrier.fuzz.requests}, default 10,000)
 * @param seed what the cases are drawn from ({@code -Dcarrier.fuzz.seed}, default a fresh
 * random one)
 * @param parallelism requests of one batch in flight at once
 * ({@code -Dcarrier.fuzz.parallelism}, default 16)
 * @param userRate requests per second made with the fuzzer's token
 * ({@code -Dcarrier.fuzz.userRate}, 0 = no limit). A stack with production rate limits
 * (50/s per user) answers most of a faster run with 429; {@code ./carrier test} lifts
 * those limits.
 */
record FuzzSettings(int requests, long seed, int parallelism, int userRate) {

	static final int BATCHES = 200;

	static final int WEB_SOCKET_TRIES = 20;

	static FuzzSettings fromSystemProperties() {
		return new FuzzSettings(Integer.getInteger("carrier.fuzz.requests", 10_000),
				Long.getLong("carrier.fuzz.seed", new SplittableRandom().nextLong()),
				Integer.getInteger("carrier.fuzz.parallelism", 16), Integer.getInteger("carrier.fuzz.userRate", 0));
	}

	int batchSize() {
		return Math.max(1, requests / BATCHES);
	}

	/** Appended to every assertion message. */
	String replay() {
		return " [fuzz seed " + seed + ", replay with -Dcarrier.fuzz.seed=" + seed + "]";
	}

	/**
	 * Each test draws from its own stream of the seed, so one can be replayed without the
	 * other.
	 */
	RandomGenerator random(String test) {
		return new SplittableRandom(seed ^ test.hashCode());
	}

}
