package dev.carrier.auth.remote;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;

import org.springframework.stereotype.Component;

/**
 * Hands each remote client its {@link ResilientCall}, from the registries Resilience4j's
 * Spring Boot configuration fills from application.yml
 * ({@code resilience4j.*.instances.persistence}, {@code .hydration}, {@code .chat}), so
 * their metrics show under the client's name too.
 */
@Component
public class ResilientCalls {

	private final BulkheadRegistry bulkheads;

	private final RetryRegistry retries;

	private final CircuitBreakerRegistry circuitBreakers;

	private final TimeLimiterRegistry timeLimiters;

	public ResilientCalls(BulkheadRegistry bulkheads, RetryRegistry retries, CircuitBreakerRegistry circuitBreakers,
			TimeLimiterRegistry timeLimiters) {
		this.bulkheads = bulkheads;
		this.retries = retries;
		this.circuitBreakers = circuitBreakers;
		this.timeLimiters = timeLimiters;
	}

	public ResilientCall forClient(String name) {
		return new ResilientCall(name, this.bulkheads.bulkhead(name), this.retries.retry(name),
				this.circuitBreakers.circuitBreaker(name), this.timeLimiters.timeLimiter(name));
	}

}
