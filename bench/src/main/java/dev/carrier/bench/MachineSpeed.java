package dev.carrier.bench;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.SplittableRandom;

/**
 * How fast this machine was at the start and at the end of a run: a fixed single-threaded
 * workload in the bench's own JVM, timed at rest, in rounds per second. The machine is a
 * shared VM that reports no steal time, and its speed drifts: one revision ran at 339,
 * 449 and 519 durable msg/s within the same hour (issue 17). Figures from runs whose
 * scores differ do not compare one to one, and a score that fell during a run says that
 * the run itself drifted.
 */
final class MachineSpeed {

	/**
	 * 32 MiB of indexes, far larger than the caches, so that memory latency weighs in the
	 * score as it does in the servers' work.
	 */
	private static final int TABLE_SIZE = 8 * 1024 * 1024;

	private static final int READS_PER_ROUND = 256;

	private static int[] table;

	private MachineSpeed() {
	}

	/** The best of three one-second trials after a one-second warm-up. */
	static double roundsPerSecond() {
		MessageDigest sha = sha256();
		byte[] block = new byte[1024];
		new SplittableRandom(17).nextBytes(block);
		int[] chain = table();
		trial(sha, block, chain);
		double best = 0;
		for (int i = 0; i < 3; i++) {
			best = Math.max(best, trial(sha, block, chain));
		}
		return best;
	}

	private static double trial(MessageDigest sha, byte[] block, int[] chain) {
		long start = System.nanoTime();
		long deadline = start + 1_000_000_000L;
		long rounds = 0;
		int at = 0;
		while (System.nanoTime() < deadline) {
			for (int i = 0; i < 64; i++) {
				block[0] = (byte) sha.digest(block)[0];
				// each read depends on the last, so the reads cannot overlap
				for (int r = 0; r < READS_PER_ROUND; r++) {
					at = chain[at];
				}
				block[1] ^= (byte) at;
				rounds++;
			}
		}
		return rounds * 1e9 / (System.nanoTime() - start);
	}

	/** The scores of one run, as the report shows them and its JSON keeps them. */
	static void report(Report report, double before, double after) {
		report.section("machine speed (a fixed single-threaded workload in the bench's JVM, at rest)");
		report.row("rounds/s before the run / after it", "%.0f / %.0f (%+.0f%%)", before, after,
				100 * (after - before) / before);
		report.put("machineSpeed", Report.object("roundsPerSecondBefore", Report.round(before), "roundsPerSecondAfter",
				Report.round(after)));
	}

	/** A random cycle through every index, so a chase never settles in a short loop. */
	private static synchronized int[] table() {
		if (table == null) {
			int[] order = new int[TABLE_SIZE];
			for (int i = 0; i < TABLE_SIZE; i++) {
				order[i] = i;
			}
			SplittableRandom random = new SplittableRandom(42);
			for (int i = TABLE_SIZE - 1; i > 0; i--) {
				int j = random.nextInt(i + 1);
				int swap = order[i];
				order[i] = order[j];
				order[j] = swap;
			}
			int[] next = new int[TABLE_SIZE];
			for (int i = 0; i < TABLE_SIZE; i++) {
				next[order[i]] = order[(i + 1) % TABLE_SIZE];
			}
			table = next;
		}
		return table;
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JDK has SHA-256", ex);
		}
	}

}
