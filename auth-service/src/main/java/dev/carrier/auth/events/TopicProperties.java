package dev.carrier.auth.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How auth-service's topics are created and how long a change waits for Kafka's
 * acknowledgement.
 *
 * @param partitions partitions per topic (events are keyed by user id)
 * @param replicas replication factor; 1 on one broker, 3 on a production cluster
 * @param publishTimeout how long a change waits for {@code acks=all} before it answers
 * 503
 */
@ConfigurationProperties("carrier.topics")
public record TopicProperties(@DefaultValue("6") int partitions, @DefaultValue("1") short replicas,
		@DefaultValue("10s") Duration publishTimeout) {
}
