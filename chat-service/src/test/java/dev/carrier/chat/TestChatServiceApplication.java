package dev.carrier.chat;

import dev.carrier.chat.support.RealServers;

import org.springframework.boot.SpringApplication;

/**
 * Runs chat-service locally against the real Redis and Kafka (Testcontainers where Docker
 * answers); auth-service and persistence-service are expected at their usual URLs.
 */
public class TestChatServiceApplication {

	public static void main(String[] args) {
		SpringApplication.from(ChatServiceApplication::main).with(RealServers.class).run(args);
	}

}
