package dev.carrier.persistence.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Counts per topic what was consumed, what reached MySQL and what went to the dead-letter
 * topic.
 */
@Component
public class EventMetrics {

	private final MeterRegistry registry;

	public EventMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	public void consumed(String topic, int count) {
		counter("carrier.persistence.events.consumed", topic).increment(count);
	}

	public void written(String topic, int count) {
		counter("carrier.persistence.events.written", topic).increment(count);
	}

	public void deadLettered(String topic) {
		counter("carrier.persistence.events.dead.lettered", topic).increment();
	}

	private Counter counter(String name, String topic) {
		return Counter.builder(name).tag("topic", topic).register(this.registry);
	}

}
