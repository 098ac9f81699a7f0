package dev.carrier.chat.support;

import dev.carrier.testsupport.DockerEngine;
import dev.carrier.testsupport.KafkaServer;
import dev.carrier.testsupport.RedisServerWithExpiryEvents;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The real servers an integration test talks to: Testcontainers where a Docker engine
 * answers, otherwise the local Redis, MariaDB and Kafka that {@code ./carrier test}
 * starts, reached through the same {@code CARRIER_*} settings as production. Both paths
 * are real servers; only where they run differs. The wiring (Docker or local) lives in
 * the shared {@code test-support} module.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ RedisServerWithExpiryEvents.class, KafkaServer.class })
public class RealServers {

	static final boolean DOCKER_AVAILABLE = DockerEngine.announce(RealServers.class,
			"Docker engine found: integration tests run Redis, MySQL and Kafka in Testcontainers",
			"No Docker engine: integration tests use the local Redis, MariaDB and Kafka (CARRIER_* settings)");

}
