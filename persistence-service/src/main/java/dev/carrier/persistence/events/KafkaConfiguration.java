package dev.carrier.persistence.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.carrier.persistence.CarrierProperties;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

/**
 * Topics, the dead-letter policy and the admin client the hydration uses to watch
 * offsets.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

	private static final Logger log = LoggerFactory.getLogger(KafkaConfiguration.class);

	/**
	 * Every consumed topic and its dead-letter topic (same partition count: the recoverer
	 * keeps partitions), and the one produced.
	 */
	@Bean
	KafkaAdmin.NewTopics carrierTopics(CarrierProperties properties) {
		List<NewTopic> topics = new ArrayList<>();
		for (String topic : Topics.CONSUMED) {
			topics.add(new NewTopic(topic, properties.kafka().partitions(), properties.kafka().replicas()));
			topics.add(new NewTopic(Topics.deadLetter(topic), properties.kafka().partitions(),
					properties.kafka().replicas()));
		}
		topics
			.add(new NewTopic(Topics.MESSAGES_STORED, properties.kafka().partitions(), properties.kafka().replicas()));
		return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
	}

	/**
	 * Bounded exponential retries (a failing MySQL gets about a minute), then the
	 * dead-letter topic. Unreadable or refused records skip the retries. The log line
	 * names the key, never the value: a user record carries a password hash.
	 */
	@Bean
	DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<?, ?> template, EventMetrics metrics) {
		// <topic>.DLT, same partition (spring-kafka 4 would pick <topic>-dlt by default)
		DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(template,
				(record, ex) -> new TopicPartition(Topics.deadLetter(record.topic()), record.partition()));
		ConsumerRecordRecoverer recoverer = (ConsumerRecord<?, ?> record, Exception ex) -> {
			deadLetters.accept(record, ex);
			metrics.deadLettered(record.topic());
			log.warn("Record sent to {}: key={} partition={} offset={} reason={}", Topics.deadLetter(record.topic()),
					record.key(), record.partition(), record.offset(), reason(ex));
		};
		ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(8);
		backOff.setInitialInterval(500);
		backOff.setMultiplier(2);
		backOff.setMaxInterval(15_000);
		DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
		handler.addNotRetryableExceptions(EventUnreadable.class, EventRejected.class);
		// a dead-lettered record at the end of a partition must not hold the committed
		// offset back
		handler.setCommitRecovered(true);
		return handler;
	}

	/**
	 * The hydration's and health check's admin client. Its calls are short-lived, so a
	 * broker that is down fails them fast and leaves nothing pending to hold up a
	 * shutdown.
	 */
	@Bean(destroyMethod = "")
	Admin kafkaAdminClient(KafkaAdmin kafkaAdmin) {
		Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
		config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
		config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
		return Admin.create(config);
	}

	@Bean
	DisposableBean kafkaAdminClientCloser(Admin kafkaAdminClient) {
		return () -> kafkaAdminClient.close(Duration.ofSeconds(2));
	}

	private static String reason(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && !(cause instanceof EventUnreadable) && !(cause instanceof EventRejected)) {
			cause = cause.getCause();
		}
		return (cause instanceof EventUnreadable) ? cause.getMessage() : cause.getClass().getSimpleName();
	}

}
