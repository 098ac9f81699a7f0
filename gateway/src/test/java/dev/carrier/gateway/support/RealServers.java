package dev.carrier.gateway.support;

import dev.carrier.testsupport.DockerEngine;
import dev.carrier.testsupport.RedisServer;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The real Redis the gateway's rate limits use: a Testcontainer where a Docker engine
 * answers, otherwise the local Redis that {@code ./carrier test} starts
 * ({@code CARRIER_REDIS_URL}). The wiring (Docker or local) lives in the shared
 * {@code test-support} module.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ RedisServer.class })
public class RealServers {

	static final boolean DOCKER_AVAILABLE = DockerEngine.announce(RealServers.class,
			"Docker engine found: integration tests run Redis in Testcontainers",
			"No Docker engine: integration tests use the local Redis (CARRIER_REDIS_URL)");

}
