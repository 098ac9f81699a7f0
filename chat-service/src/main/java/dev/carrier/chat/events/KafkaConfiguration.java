package dev.carrier.chat.events;

import java.util.stream.Stream;

import dev.carrier.chat.CarrierProperties;
import org.apache.kafka.clients.admin.NewTopic;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The topics chat-service produces, and the error handling of what it consumes: bounded
 * retries, then {@code <topic>.DLT}, counted and logged with the record's key.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

	private static final Logger log = LoggerFactory.getLogger(KafkaConfiguration.class);

	/**
	 * Every topic chat-service produces, and persistence-service's messages-stored,
	 * declared here too so that this consumer never starts before it exists.
	 */
	@Bean
	KafkaAdmin.NewTopics chatTopics(CarrierProperties properties) {
		return new KafkaAdmin.NewTopics(Stream
			.of(Topics.CHAT_CHANGED, Topics.MESSAGE_SENT, Topics.MESSAGE_DELETED, Topics.MESSAGE_EDITED,
					Topics.REACTION_CHANGED, Topics.CHAT_HIDDEN, Topics.READ_CHANGED, Topics.MESSAGES_STORED)
			.map((name) -> topic(name, properties))
			.toArray(NewTopic[]::new));
	}

	private static NewTopic topic(String name, CarrierProperties properties) {
		return TopicBuilder.name(name)
			.partitions(properties.chat().topicPartitions())
			.replicas(properties.chat().topicReplicas())
			.build();
	}

	@Bean
	DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<String, String> template, MeterRegistry meters) {
		DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(template);
		DefaultErrorHandler handler = new DefaultErrorHandler((record, ex) -> {
			meters.counter("carrier.chat.kafka.dead-letters", "topic", record.topic()).increment();
			log.error("Giving up on a record of {} with key {}, sending it to the DLT: {}", record.topic(),
					record.key(), ex.toString());
			deadLetters.accept(record, ex);
		}, new FixedBackOff(1000, 3));
		// A record that cannot be read will not become readable by retrying.
		handler.addNotRetryableExceptions(JacksonException.class);
		return handler;
	}

}
