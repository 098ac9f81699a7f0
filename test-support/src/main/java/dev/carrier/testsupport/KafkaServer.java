package dev.carrier.testsupport;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A Kafka 4.1.2 Testcontainer where a Docker engine answers, otherwise nothing (the local
 * Kafka, {@code CARRIER_KAFKA_BOOTSTRAP}). Needs {@code testcontainers-kafka} on the test
 * classpath.
 */
@TestConfiguration(proxyBeanMethods = false)
public class KafkaServer {

	@Bean
	@ServiceConnection
	@Conditional(DockerAvailable.class)
	KafkaContainer kafka() {
		return new KafkaContainer(DockerImageName.parse("apache/kafka:4.1.2"));
	}

}
