package dev.carrier.chat.cache;

import java.util.Locale;

/**
 * What install-snapshot.lua answers for one snapshot; its word is also the
 * {@code outcome} tag of the {@code carrier.chat.reloads} counter.
 */
enum InstallOutcome {

	/** The claim was gone (the cache was lost during the reload): nothing installed. */
	FENCED,
	/** Another reload installed the chat meanwhile: the cached chat stays. */
	CACHED,
	/** The snapshot is the cached chat now. */
	INSTALLED;

	static InstallOutcome fromScript(String reply) {
		return valueOf(reply.toUpperCase(Locale.ROOT));
	}

	/** The script's own word: {@code fenced}, {@code cached} or {@code installed}. */
	String metricTag() {
		return name().toLowerCase(Locale.ROOT);
	}

}
