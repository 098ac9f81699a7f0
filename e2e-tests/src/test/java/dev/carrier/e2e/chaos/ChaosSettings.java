package dev.carrier.e2e.chaos;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import dev.carrier.e2e.support.CarrierApi;

/**
 * How long and heavy the chaos run is, and which faults it brings: the short form by
 * default (part of {@code ./carrier test}), the full one with
 * {@code -Dcarrier.chaos.full=true} or {@code CARRIER_CHAOS_FULL=true}
 * ({@code scripts/chaos.sh}).
 */
final class ChaosSettings {

	static final boolean FULL = Boolean.getBoolean("carrier.chaos.full")
			|| "true".equalsIgnoreCase(CarrierApi.env("CARRIER_CHAOS_FULL", "false"));

	static final int SENDERS = Integer.getInteger("carrier.chaos.senders", FULL ? 16 : 4);

	static final int CHATS = Integer.getInteger("carrier.chaos.chats", FULL ? 8 : 4);

	/** Load before the kill and after everything is UP again. */
	static final Duration LOAD_BEFORE = Duration.ofSeconds(FULL ? 20 : 3);

	static final Duration LOAD_AFTER = Duration.ofSeconds(FULL ? 30 : 3);

	/**
	 * How long one message is retried (same clientMessageId) before the sender gives up
	 * on it.
	 */
	static final Duration MESSAGE_DEADLINE = Duration.ofSeconds(FULL ? 180 : 90);

	/** The client's own patience: a send that takes longer is a hang. */
	static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(15);

	static final Duration RECOVERY_LIMIT = Duration.ofSeconds(240);

	static final Duration MYSQL_WAIT = Duration.ofSeconds(FULL ? 180 : 90);

	static final List<String> FAULTS = Arrays
		.stream(System.getProperty("carrier.chaos.faults",
				CarrierApi.env("CARRIER_CHAOS_FAULTS",
						"redis,kafka,mariadb,persistence-service,chat-service-2,gateway"))
			.split(","))
		.map(String::trim)
		.filter(f -> !f.isEmpty() && !f.equals("none"))
		.toList();

	/** How many times in a row the Redis fault runs (each one a phase of its own). */
	static final int REDIS_REPEATS = Integer.getInteger("carrier.chaos.redis-repeats",
			Integer.parseInt(CarrierApi.env("CARRIER_CHAOS_REDIS_REPEATS", "1")));

	private ChaosSettings() {
	}

}
