package dev.carrier.gateway.ratelimits;

import java.time.Duration;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.ratelimit.AbstractRateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.support.ConfigurationService;

/**
 * A token bucket per key in this gateway's own memory (Bucket4j): the per-user API limit,
 * checked on every routed call, without a Redis round trip per request (issue 17: that
 * Lua call was a fixed cost of every send). Each replica counts for itself, so with N
 * replicas a user spread over all of them gets up to N times the rate; the limit guards
 * the services against one runaway client, which a per-replica bucket does as well.
 * Logins keep {@link RedisRateLimiter}'s shared buckets: a password guesser must not gain
 * by spreading attempts over the replicas. Answers with the same {@code X-RateLimit-*}
 * headers as that limiter, which the 429's {@code Retry-After} is computed from.
 */
final class LocalRateLimiter extends AbstractRateLimiter<LocalRateLimiter.Config> {

	static final String CONFIGURATION_PROPERTY_NAME = "local-rate-limiter";

	private final RateLimitProperties.Limit limit;

	private final Bandwidth bandwidth;

	/**
	 * A bucket left alone until it would be full again is forgotten: a new one starts
	 * full, which is the same state.
	 */
	private final Cache<String, Bucket> buckets;

	LocalRateLimiter(RateLimitProperties.Limit limit, int maxKeys) {
		super(Config.class, CONFIGURATION_PROPERTY_NAME, (ConfigurationService) null);
		this.limit = limit;
		this.bandwidth = Bandwidth.builder()
			.capacity(limit.burstCapacity())
			.refillGreedy(limit.replenishRate(), Duration.ofSeconds(1))
			.build();
		long refillMillis = 1000L * limit.burstCapacity() / Math.max(1, limit.replenishRate());
		this.buckets = Caffeine.newBuilder()
			.maximumSize(maxKeys)
			.expireAfterAccess(Duration.ofMillis(refillMillis + 1000))
			.build();
	}

	@Override
	public Mono<Response> isAllowed(String routeId, String id) {
		Bucket bucket = this.buckets.get(id, key -> Bucket.builder().addLimit(this.bandwidth).build());
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(this.limit.requestedTokens());
		return Mono.just(new Response(probe.isConsumed(), headers(probe.getRemainingTokens())));
	}

	private Map<String, String> headers(long remaining) {
		return Map.of(RedisRateLimiter.REMAINING_HEADER, String.valueOf(remaining),
				RedisRateLimiter.REPLENISH_RATE_HEADER, String.valueOf(this.limit.replenishRate()),
				RedisRateLimiter.BURST_CAPACITY_HEADER, String.valueOf(this.limit.burstCapacity()),
				RedisRateLimiter.REQUESTED_TOKENS_HEADER, String.valueOf(this.limit.requestedTokens()));
	}

	/**
	 * Routes carry no arguments of their own: the limit is the bean's (see
	 * RateLimitProperties).
	 */
	static final class Config {

	}

}
