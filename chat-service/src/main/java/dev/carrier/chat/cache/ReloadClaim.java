package dev.carrier.chat.cache;

import java.util.Locale;

/**
 * What begin-reload.lua answers for one chat ({@code cached}, {@code claimed},
 * {@code busy}).
 */
enum ReloadClaim {

	/** The chat is in the cache already: nothing to reload. */
	CACHED,
	/** This reload holds the chat's claim, so it installs the chat's snapshot. */
	CLAIMED,
	/** Another reload holds the claim: wait for it. */
	BUSY;

	static ReloadClaim fromScript(String reply) {
		return valueOf(reply.toUpperCase(Locale.ROOT));
	}

}
