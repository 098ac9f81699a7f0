package dev.carrier.auth.remote;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One policy per remote call family: the persistence read-through (idempotent GETs, retried),
 * hydration on login, and chat-service's logout notification (best effort).
 */
@ConfigurationProperties("carrier.resilience")
public record ResilienceProperties(@DefaultValue Persistence persistence, @DefaultValue Hydration hydration,
		@DefaultValue Chat chat) {

	/**
	 * @param timeout how long one attempt may take
	 * @param maxAttempts attempts including the first
	 * @param backoff wait before the first retry, doubled for each further one
	 * @param failureRateThreshold percentage of failed calls that opens the circuit
	 * @param openFor how long an open circuit fails fast before it lets a trial call through
	 * @param maxConcurrentCalls calls in flight at once; more wait up to {@code timeout}, then fail
	 */
	public record Policy(Duration timeout, int maxAttempts, Duration backoff, float failureRateThreshold,
			Duration openFor, int maxConcurrentCalls) {
	}

	public record Persistence(@DefaultValue("2s") Duration timeout, @DefaultValue("3") int maxAttempts,
			@DefaultValue("100ms") Duration backoff, @DefaultValue("50") float failureRateThreshold,
			@DefaultValue("10s") Duration openFor, @DefaultValue("64") int maxConcurrentCalls) {

		public Policy policy() {
			return new Policy(this.timeout, this.maxAttempts, this.backoff, this.failureRateThreshold, this.openFor,
					this.maxConcurrentCalls);
		}

	}

	public record Hydration(@DefaultValue("3s") Duration timeout, @DefaultValue("2") int maxAttempts,
			@DefaultValue("200ms") Duration backoff, @DefaultValue("50") float failureRateThreshold,
			@DefaultValue("10s") Duration openFor, @DefaultValue("64") int maxConcurrentCalls) {

		public Policy policy() {
			return new Policy(this.timeout, this.maxAttempts, this.backoff, this.failureRateThreshold, this.openFor,
					this.maxConcurrentCalls);
		}

	}

	public record Chat(@DefaultValue("2s") Duration timeout, @DefaultValue("1") int maxAttempts,
			@DefaultValue("100ms") Duration backoff, @DefaultValue("50") float failureRateThreshold,
			@DefaultValue("10s") Duration openFor, @DefaultValue("64") int maxConcurrentCalls) {

		public Policy policy() {
			return new Policy(this.timeout, this.maxAttempts, this.backoff, this.failureRateThreshold, this.openFor,
					this.maxConcurrentCalls);
		}

	}

}
