package dev.carrier.gateway.tokens;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway checks bearer tokens.
 *
 * @param cacheTtl how long a positive answer from auth-service is reused; bounds how late a
 * logout elsewhere takes effect
 * @param cacheSize how many tokens are remembered at most
 * @param checkTimeout how long to wait for auth-service before answering 503
 */
@ConfigurationProperties("carrier.tokens")
public record TokenProperties(@DefaultValue("1s") Duration cacheTtl, @DefaultValue("10000") long cacheSize,
		@DefaultValue("2s") Duration checkTimeout) {
}
