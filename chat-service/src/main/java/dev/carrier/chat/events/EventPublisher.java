package dev.carrier.chat.events;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.carrier.chat.CarrierProperties;
import dev.carrier.chat.shared.ServiceUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes this service's events to Kafka and waits for the broker's acknowledgement, so
 * a caller only answers success once the event is durable (acks=all, idempotent
 * producer).
 */
@Component
public class EventPublisher {

	private static final Logger log = LoggerFactory.getLogger(EventPublisher.class);

	private final KafkaTemplate<String, String> kafka;

	private final JsonMapper json;

	private final long ackTimeoutMillis;

	public EventPublisher(KafkaTemplate<String, String> kafka, JsonMapper json, CarrierProperties properties) {
		this.kafka = kafka;
		this.json = json;
		this.ackTimeoutMillis = properties.chat().kafkaAckTimeout().toMillis();
	}

	/**
	 * Sends one event keyed by {@code key} and blocks until Kafka acknowledged it.
	 * @throws ServiceUnavailable when Kafka did not acknowledge in time
	 */
	public void publish(String topic, String key, Object event) {
		String value = this.json.writeValueAsString(event);
		try {
			this.kafka.send(topic, key, value).get(this.ackTimeoutMillis, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ServiceUnavailable("Event delivery was interrupted; retry the request");
		}
		catch (ExecutionException | TimeoutException | RuntimeException ex) {
			log.warn("Kafka did not acknowledge an event on {} with key {}: {}", topic, key, ex.toString());
			throw new ServiceUnavailable("The message broker is unavailable; retry the request");
		}
	}

}
