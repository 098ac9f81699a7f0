package dev.carrier.auth.remote;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.carrier.auth.support.AuthIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each remote client's Resilience4j instances come from application.yml (with the test
 * profile's shorter waits), not from Resilience4j's defaults.
 */
class ResilienceConfigurationIntegrationTests extends AuthIntegrationTest {

	@Autowired
	ResilientCalls calls;

	@Test
	void eachClientGetsTheInstancesApplicationYmlNamesForIt() {
		ResilientCall persistence = this.calls.forClient("persistence");
		assertThat(persistence.attemptTimeout()).isEqualTo(Duration.ofSeconds(1));
		assertThat(persistence.circuitBreaker().getCircuitBreakerConfig().getSlidingWindowSize()).isEqualTo(20);
		assertThat(persistence.circuitBreaker().getCircuitBreakerConfig().getPermittedNumberOfCallsInHalfOpenState())
			.isEqualTo(2);
		ResilientCall chat = this.calls.forClient("chat");
		assertThat(chat.retry().getRetryConfig().getMaxAttempts()).as("a logout notice is not retried").isEqualTo(1);
		assertThat(this.calls.forClient("persistence").retry().getRetryConfig().getMaxAttempts()).isEqualTo(2);
		assertThat(this.calls.forClient("hydration").bulkhead().getBulkheadConfig().getMaxConcurrentCalls())
			.isEqualTo(64);
	}

}
