package dev.carrier.auth;

import org.springframework.boot.SpringApplication;

import dev.carrier.auth.support.RealServers;

/**
 * Runs auth-service from the IDE or {@code mvn spring-boot:test-run} on the real servers:
 * local Redis and Kafka (or Testcontainers where Docker answers), persistence-service and
 * chat-service at their usual URLs. Uses production settings, including the full PBKDF2
 * cost.
 */
public class TestAuthServiceApplication {

	public static void main(String[] args) {
		SpringApplication.from(AuthServiceApplication::main).with(RealServers.class).run(args);
	}

}
