package dev.carrier.gateway.ratelimits;

import org.junit.jupiter.api.Test;

import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter.Response;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;

import static org.assertj.core.api.Assertions.assertThat;

class LocalRateLimiterTests {

	private final LocalRateLimiter limiter = new LocalRateLimiter(new RateLimitProperties.Limit(1, 3, 1), 100);

	@Test
	void aBurstIsAllowedAndTheNextCallIsRefused() {
		assertThat(allowed("chat", "user:a")).isTrue();
		assertThat(allowed("chat", "user:a")).isTrue();
		assertThat(allowed("chat", "user:a")).isTrue();
		assertThat(allowed("chat", "user:a")).isFalse();
	}

	@Test
	void eachKeyHasItsOwnBucketSharedByEveryRoute() {
		for (int i = 0; i < 3; i++) {
			allowed(i % 2 == 0 ? "chat" : "auth", "user:b");
		}
		assertThat(allowed("auth", "user:b")).as("b's bucket is empty on every route").isFalse();
		assertThat(allowed("chat", "user:c")).as("c is not b").isTrue();
	}

	@Test
	void aRefusalCarriesTheHeadersRetryAfterIsComputedFrom() {
		Response response = null;
		for (int i = 0; i < 4; i++) {
			response = this.limiter.isAllowed("chat", "user:d").block();
		}
		assertThat(response.isAllowed()).isFalse();
		assertThat(response.getHeaders()).containsEntry(RedisRateLimiter.REPLENISH_RATE_HEADER, "1")
			.containsEntry(RedisRateLimiter.REQUESTED_TOKENS_HEADER, "1")
			.containsEntry(RedisRateLimiter.BURST_CAPACITY_HEADER, "3")
			.containsEntry(RedisRateLimiter.REMAINING_HEADER, "0");
	}

	private boolean allowed(String route, String key) {
		return this.limiter.isAllowed(route, key).block().isAllowed();
	}

}
