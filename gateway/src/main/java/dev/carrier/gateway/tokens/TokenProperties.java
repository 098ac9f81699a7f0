package dev.carrier.gateway.tokens;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway checks bearer tokens.
 *
 * @param cacheTtl how long a positive answer from auth-service is reused at most (never
 * past the session's end); ended sessions leave the cache at once through auth-service's
 * notices
 * @param cacheSize how many tokens are remembered at most
 * @param checkTimeout how long to wait for auth-service before answering 503
 */
@ConfigurationProperties("carrier.tokens")
public record TokenProperties(@DefaultValue("30s") Duration cacheTtl, @DefaultValue("10000") long cacheSize,
		@DefaultValue("2s") Duration checkTimeout) {
}
