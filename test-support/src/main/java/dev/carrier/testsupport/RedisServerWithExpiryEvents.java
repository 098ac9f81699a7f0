package dev.carrier.testsupport;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A Redis 7.4 Testcontainer that publishes key expiries
 * ({@code --notify-keyspace-events Ex}) where a Docker engine answers, otherwise nothing
 * (the local Redis, {@code CARRIER_REDIS_URL}).
 */
@TestConfiguration(proxyBeanMethods = false)
public class RedisServerWithExpiryEvents {

	@Bean
	@ServiceConnection(name = "redis")
	@Conditional(DockerAvailable.class)
	GenericContainer<?> redis() {
		return new GenericContainer<>(DockerImageName.parse("redis:7.4")).withExposedPorts(6379)
			.withCommand("redis-server", "--notify-keyspace-events", "Ex");
	}

}
