package dev.carrier.auth.support;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one application context the integration tests share: the service on a random port,
 * on the real Redis and Kafka, with {@link PersistenceStub} standing in for
 * persistence-service and chat-service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(RealServers.class)
public abstract class AuthIntegrationTest {

	protected static final PersistenceStub stub = PersistenceStub.INSTANCE;

	protected static final String PASSWORD = "correct horse battery";

	@LocalServerPort
	protected int port;

	protected Api api;

	@DynamicPropertySource
	static void remoteServices(DynamicPropertyRegistry registry) {
		registry.add("carrier.persistence-url", stub::url);
		registry.add("carrier.chat-url", stub::url);
	}

	@BeforeEach
	void connect() {
		this.api = new Api(this.port);
	}

}
