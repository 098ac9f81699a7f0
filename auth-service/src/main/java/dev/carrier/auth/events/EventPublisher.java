package dev.carrier.auth.events;

import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes auth-service's events and waits for Kafka's acknowledgement
 * ({@code acks=all}, idempotent producer): a change is only acknowledged to the client
 * once it is durable on its way to MySQL.
 */
@Component
public class EventPublisher {

	private static final Logger log = LoggerFactory.getLogger(EventPublisher.class);

	private final KafkaTemplate<String, String> kafkaTemplate;

	private final JsonMapper jsonMapper;

	private final TopicProperties properties;

	public EventPublisher(KafkaTemplate<String, String> kafkaTemplate, JsonMapper jsonMapper,
			TopicProperties properties) {
		this.kafkaTemplate = kafkaTemplate;
		this.jsonMapper = jsonMapper;
		this.properties = properties;
	}

	public void userChanged(UserChanged.Snapshot user) {
		publish(Topics.USER_CHANGED, user.id(), new UserChanged(UUID.randomUUID(), Instant.now(), user));
	}

	public void avatarUploaded(String userId, String contentType, long version, byte[] bytes) {
		publish(Topics.AVATAR_UPLOADED, userId, new AvatarUploaded(UUID.randomUUID(), Instant.now(), userId,
				contentType, version, Base64.getEncoder().encodeToString(bytes)));
	}

	private void publish(String topic, String key, Object event) {
		String json = this.jsonMapper.writeValueAsString(event);
		try {
			this.kafkaTemplate.send(topic, key, json)
				.get(this.properties.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new EventNotPublished(topic, ex);
		}
		catch (ExecutionException | TimeoutException | RuntimeException ex) {
			// The event itself is not logged: a user snapshot carries the password hash.
			log.error("Publishing {} to {} for key {} failed: {}", event.getClass().getSimpleName(), topic, key,
					ex.getClass().getSimpleName());
			throw new EventNotPublished(topic, ex);
		}
	}

}
