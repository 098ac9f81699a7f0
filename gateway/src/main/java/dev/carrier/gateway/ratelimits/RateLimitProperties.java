package dev.carrier.gateway.ratelimits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Token buckets: per address for logins in Redis, shared by every gateway replica; per
 * user for the API in each replica's memory ({@link LocalRateLimiter}). Rates are tokens
 * per second; a request costs {@code requestedTokens}, so slow limits such as 5 logins a
 * minute are {@code replenishRate=1, requestedTokens=12}.
 *
 * @param loginPerIp login and signup attempts per client address
 * @param apiPerUser every other API call, per authenticated user (per address for public
 * calls)
 * @param maxKeys how many per-user API buckets a replica keeps at most (the least
 * recently used are forgotten first)
 * @param trustedProxyHops how many reverse proxies in front of the gateway append to
 * {@code X-Forwarded-For}; 0 uses the connection's address
 */
@ConfigurationProperties("carrier.rate-limits")
public record RateLimitProperties(Limit loginPerIp, Limit apiPerUser, @DefaultValue("100000") int maxKeys,
		@DefaultValue("0") int trustedProxyHops) {

	public record Limit(int replenishRate, int burstCapacity, @DefaultValue("1") int requestedTokens) {
	}

}
