package dev.carrier.persistence;

import dev.carrier.persistence.support.RealServers;

import org.springframework.boot.SpringApplication;

/** Runs the service locally on the real servers (Testcontainers when Docker answers). */
public class TestPersistenceServiceApplication {

	public static void main(String[] args) {
		SpringApplication.from(PersistenceServiceApplication::main).with(RealServers.class).run(args);
	}

}
