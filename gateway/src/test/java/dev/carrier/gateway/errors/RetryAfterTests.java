package dev.carrier.gateway.errors;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTests {

	@Test
	void retryAfterIsTheTimeToRefillTheRefusingLimitersTokens() {
		HttpHeaders headers = new HttpHeaders();
		// Per-address limiter first (allowed), then the per-name limiter that refused.
		headers.add("X-RateLimit-Replenish-Rate", "10");
		headers.add("X-RateLimit-Requested-Tokens", "1");
		headers.add("X-RateLimit-Replenish-Rate", "1");
		headers.add("X-RateLimit-Requested-Tokens", "12");
		assertThat(BodilessErrorFilter.retryAfterSeconds(headers)).isEqualTo(12);
	}

	@Test
	void retryAfterIsAtLeastOneSecond() {
		HttpHeaders headers = new HttpHeaders();
		headers.add("X-RateLimit-Replenish-Rate", "50");
		headers.add("X-RateLimit-Requested-Tokens", "1");
		assertThat(BodilessErrorFilter.retryAfterSeconds(headers)).isEqualTo(1);
		assertThat(BodilessErrorFilter.retryAfterSeconds(new HttpHeaders())).isEqualTo(1);
	}

}
