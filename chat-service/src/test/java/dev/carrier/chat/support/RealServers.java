package dev.carrier.chat.support;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The real servers an integration test talks to: Testcontainers where a Docker engine
 * answers, otherwise the local Redis, MariaDB and Kafka that {@code ./carrier test}
 * starts, reached through the same {@code CARRIER_*} settings as production. Both paths
 * are real servers; only where they run differs.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RealServers {

	private static final Logger log = LoggerFactory.getLogger(RealServers.class);

	static final boolean DOCKER_AVAILABLE = detectDocker();

	private static boolean detectDocker() {
		boolean available;
		try {
			available = DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			available = false;
		}
		if (available) {
			log.info("Docker engine found: integration tests run Redis, MySQL and Kafka in Testcontainers");
		}
		else {
			log.info("No Docker engine: integration tests use the local Redis, MariaDB and Kafka (CARRIER_* settings)");
		}
		return available;
	}

	@Bean
	@ServiceConnection(name = "redis")
	@Conditional(DockerAvailable.class)
	GenericContainer<?> redis() {
		return new GenericContainer<>(DockerImageName.parse("redis:7.4")).withExposedPorts(6379)
			.withCommand("redis-server", "--notify-keyspace-events", "Ex");
	}

	@Bean
	@ServiceConnection
	@Conditional(DockerAvailable.class)
	KafkaContainer kafka() {
		return new KafkaContainer(DockerImageName.parse("apache/kafka:4.1.2"));
	}

	static class DockerAvailable implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return DOCKER_AVAILABLE;
		}

	}

}
