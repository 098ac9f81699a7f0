package dev.carrier.chat.remote;

import dev.carrier.chat.CarrierProperties;
import dev.carrier.chat.trust.Assertions;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The registries come from resilience4j-spring-boot3 (on the classpath with the Spring
 * Cloud CircuitBreaker starter), filled from {@code resilience4j.*} in application.yml.
 */
@Configuration(proxyBeanMethods = false)
class RemoteConfiguration {

	@Bean
	RemoteServices remoteServices(CircuitBreakerRegistry circuitBreakers, RetryRegistry retries,
			BulkheadRegistry bulkheads, TimeLimiterRegistry timeLimiters, CarrierProperties properties,
			Assertions assertions) {
		return new RemoteServices(circuitBreakers, retries, bulkheads, timeLimiters, properties.remote(),
				assertions::serviceCredential);
	}

}
