package dev.carrier.gateway.ratelimits;

/**
 * The rate-limit bucket ids. Spring Cloud Gateway's RedisRateLimiter stores each login
 * bucket as {@code request_rate_limiter.{<id>}.tokens} and
 * {@code request_rate_limiter.{<id>}.timestamp} (both with a TTL of about twice the
 * refill time); the per-user ids name buckets in the replica's memory.
 */
final class RedisKeys {

	private static final String PREFIX = "carrier:gateway:rate:";

	private RedisKeys() {
	}

	static String clientIp(String routeId, String address) {
		return PREFIX + "ip:" + routeId + ":" + address;
	}

	static String user(String userId) {
		return PREFIX + "user:" + userId;
	}

	static String anonymous(String address) {
		return PREFIX + "anonymous:" + address;
	}

}
