package dev.carrier.gateway.ratelimits;

/**
 * The rate-limit bucket ids. Spring Cloud Gateway's RedisRateLimiter stores each bucket
 * as {@code request_rate_limiter.{<id>}.tokens} and
 * {@code request_rate_limiter.{<id>}.timestamp} (both with a TTL of about twice the
 * refill time).
 */
final class RedisKeys {

	private static final String PREFIX = "carrier:gateway:rate:";

	private RedisKeys() {
	}

	static String clientIp(String routeId, String address) {
		return PREFIX + "ip:" + routeId + ":" + address;
	}

	static String loginName(String routeId, String name) {
		return PREFIX + "name:" + routeId + ":" + name;
	}

	static String user(String userId) {
		return PREFIX + "user:" + userId;
	}

	static String anonymous(String address) {
		return PREFIX + "anonymous:" + address;
	}

}
