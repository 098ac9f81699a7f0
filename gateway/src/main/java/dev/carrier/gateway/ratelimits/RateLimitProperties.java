package dev.carrier.gateway.ratelimits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Token buckets (Redis, shared by every gateway replica). Rates are tokens per second; a
 * request costs {@code requestedTokens}, so slow limits such as 5 logins a minute are
 * {@code replenishRate=1, requestedTokens=12}.
 *
 * @param loginPerIp login and signup attempts per client address
 * @param loginPerName login and signup attempts per login name (the body's {@code login}
 * or {@code username}): what stops password guessing against one account
 * @param apiPerUser every other API call, per authenticated user (per address for public
 * calls)
 * @param trustedProxyHops how many reverse proxies in front of the gateway append to
 * {@code X-Forwarded-For}; 0 uses the connection's address
 */
@ConfigurationProperties("carrier.rate-limits")
public record RateLimitProperties(Limit loginPerIp, Limit loginPerName, Limit apiPerUser,
		@DefaultValue("0") int trustedProxyHops) {

	public record Limit(int replenishRate, int burstCapacity, @DefaultValue("1") int requestedTokens) {
	}

}
