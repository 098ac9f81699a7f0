package dev.carrier.gateway.support;

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
import org.testcontainers.utility.DockerImageName;

/**
 * The real Redis the gateway's rate limits use: a Testcontainer where a Docker engine
 * answers, otherwise the local Redis that {@code ./carrier test} starts
 * ({@code CARRIER_REDIS_URL}).
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
		log.info(available ? "Docker engine found: integration tests run Redis in Testcontainers"
				: "No Docker engine: integration tests use the local Redis (CARRIER_REDIS_URL)");
		return available;
	}

	@Bean
	@ServiceConnection(name = "redis")
	@Conditional(DockerAvailable.class)
	GenericContainer<?> redis() {
		return new GenericContainer<>(DockerImageName.parse("redis:7.4")).withExposedPorts(6379);
	}

	static class DockerAvailable implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return DOCKER_AVAILABLE;
		}

	}

}
