package dev.carrier.auth.accounts;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.carrier.auth.support.Api;
import dev.carrier.auth.support.Api.Response;
import dev.carrier.auth.support.Api.Session;
import dev.carrier.auth.credentials.PasswordHasher;
import dev.carrier.auth.support.RealServers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * persistence-service (and chat-service) down: users Redis knows keep working; what only
 * MySQL could answer is a fast 503 problem, never a hang or a wrong answer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(RealServers.class)
class PersistenceDownIntegrationTests {

	static final String PASSWORD = "correct horse battery";

	@LocalServerPort
	int port;

	Api api;

	@Autowired
	UserStore userStore;

	@Autowired
	PasswordHasher hasher;

	@DynamicPropertySource
	static void deadRemotes(DynamicPropertyRegistry registry) throws IOException {
		int deadPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			deadPort = socket.getLocalPort();
		}
		registry.add("carrier.persistence-url", () -> "http://127.0.0.1:" + deadPort);
		registry.add("carrier.chat-url", () -> "http://127.0.0.1:" + deadPort);
	}

	@BeforeEach
	void connect() {
		this.api = new Api(this.port);
	}

	@Test
	void redisKnownUsersStillLogInAndOut() {
		String name = Api.uniqueName();
		Session session = signUpWhilePersistenceWasUp(name);
		Session again = this.api.login(name, PASSWORD);
		assertThat(again.userId()).isEqualTo(session.userId());
		assertThat(this.api.call("GET", "/api/users/me").as(again).send().status()).isEqualTo(200);
		assertThat(this.api.call("POST", "/api/auth/logout").as(again).send().status()).isEqualTo(204);
		Response taken = this.api.post("/api/auth/signup",
				"{\"username\":\"%s\",\"email\":\"%s@x.example\",\"password\":\"%s\"}".formatted(name, Api.uniqueName(),
						PASSWORD));
		assertThat(taken.status()).isEqualTo(409);
	}

	@Test
	void whatOnlyMysqlCouldAnswerIsAProblemNotAGuess() {
		Response login = this.api.post("/api/auth/login",
				"{\"login\":\"%s\",\"password\":\"%s\"}".formatted(Api.uniqueName(), PASSWORD));
		assertThat(login.status()).isEqualTo(503);
		assertThat(login.header("Content-Type")).startsWith("application/problem+json");
		Response signup = this.api.post("/api/auth/signup",
				"{\"username\":\"%s\",\"email\":\"%s@x.example\",\"password\":\"%s\"}".formatted(Api.uniqueName(),
						Api.uniqueName(), PASSWORD));
		assertThat(signup.status()).isEqualTo(503);
		assertThat(signup.header("Retry-After")).isNotNull();
	}

	/**
	 * Registers the user straight in Redis through the service's own store, as a signup
	 * made while persistence-service answered would have.
	 */
	private Session signUpWhilePersistenceWasUp(String name) {
		this.userStore.register(new User(UUID.randomUUID().toString(), name, name + "@example.com",
				this.hasher.hash(PASSWORD), null, 0, Instant.now(), Instant.now()));
		return this.api.login(name, PASSWORD);
	}

}
