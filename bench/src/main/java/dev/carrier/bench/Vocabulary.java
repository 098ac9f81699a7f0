package dev.carrier.bench;

import java.util.SplittableRandom;

/**
 * Made-up words with a Zipf-like spread, the way words spread in real chat: word 1 is in
 * a large share of messages, word 2,000 in almost none. Deterministic per seed.
 */
final class Vocabulary {

	private static final int SIZE = 2_000;

	private static final String[] SYLLABLES = { "ka", "lo", "mi", "ren", "tas", "vo", "pel", "dri", "su", "nor", "bel",
			"quo", "fin", "gar", "hu", "zen" };

	private Vocabulary() {
	}

	/** The word of this rank (1 is the most frequent). */
	static String word(int rank) {
		StringBuilder word = new StringBuilder();
		int n = rank + 16;
		while (n > 0) {
			word.append(SYLLABLES[n % SYLLABLES.length]);
			n /= SYLLABLES.length;
		}
		return word.toString();
	}

	/** 4 to 18 words, each rank drawn with probability about 1/rank. */
	static String sentence(SplittableRandom random) {
		int words = 4 + random.nextInt(15);
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < words; i++) {
			// inverse of the harmonic CDF, roughly: rank = SIZE^u
			int rank = (int) Math.max(1, Math.min(SIZE, Math.floor(Math.pow(SIZE, random.nextDouble()))));
			text.append((i == 0) ? "" : " ").append(word(rank));
		}
		return text.toString();
	}

}
