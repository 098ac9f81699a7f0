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
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.carrier.auth.RedisKeys;
import dev.carrier.auth.credentials.PasswordHasher;
import dev.carrier.auth.support.Api;
import dev.carrier.auth.support.Api.Response;
import dev.carrier.auth.support.Api.Session;
import dev.carrier.auth.support.Images;
import dev.carrier.auth.support.PersistenceStub;
import dev.carrier.auth.support.RealServers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kafka does not acknowledge: every change answers a 503 problem and nothing changes,
 * because a change MySQL would never hear of must not be acknowledged.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.admin.auto-create=false", "spring.kafka.producer.properties[max.block.ms]=1500",
				"carrier.topics.publish-timeout=3s" })
@ActiveProfiles("test")
@Import(RealServers.class)
class KafkaDownIntegrationTests {

	static final String PASSWORD = "correct horse battery";

	@LocalServerPort
	int port;

	@Autowired
	UserStore userStore;

	@Autowired
	PasswordHasher hasher;

	@Autowired
	StringRedisTemplate redis;

	Api api;

	@DynamicPropertySource
	static void deadKafka(DynamicPropertyRegistry registry) throws IOException {
		int deadPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			deadPort = socket.getLocalPort();
		}
		registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + deadPort);
		registry.add("carrier.persistence-url", PersistenceStub.INSTANCE::url);
		registry.add("carrier.chat-url", PersistenceStub.INSTANCE::url);
	}

	@BeforeEach
	void connect() {
		this.api = new Api(this.port);
	}

	@Test
	void signupIsNotAcknowledgedAndLeavesNoTrace() {
		String name = Api.uniqueName();
		Response signup = this.api.post("/api/auth/signup",
				"{\"username\":\"%s\",\"email\":\"%s@example.com\",\"password\":\"%s\"}".formatted(name, name,
						PASSWORD));
		assertThat(signup.status()).isEqualTo(503);
		assertThat(signup.header("Content-Type")).startsWith("application/problem+json");
		assertThat(this.redis.hasKey(RedisKeys.username(name))).isFalse();
		assertThat(this.redis.hasKey(RedisKeys.email(name + "@example.com"))).isFalse();
	}

	@Test
	void profilePasswordAndAvatarChangesAreNotAcknowledgedAndChangeNothing() {
		String name = Api.uniqueName();
		String id = UUID.randomUUID().toString();
		this.userStore.register(new User(id, name, name + "@example.com", this.hasher.hash(PASSWORD), null, 0,
				Instant.now(), Instant.now()));
		Session session = this.api.login(name, PASSWORD);

		String renamed = Api.uniqueName();
		Response rename = this.api.call("PATCH", "/api/users/me")
			.as(session)
			.json("{\"username\":\"%s\"}".formatted(renamed))
			.send();
		assertThat(rename.status()).isEqualTo(503);
		assertThat(this.redis.opsForValue().get(RedisKeys.username(name))).isEqualTo(id);
		assertThat(this.redis.hasKey(RedisKeys.username(renamed))).isFalse();

		Response password = this.api.call("PUT", "/api/users/me/password")
			.as(session)
			.json("{\"currentPassword\":\"%s\",\"newPassword\":\"another password\"}".formatted(PASSWORD))
			.send();
		assertThat(password.status()).isEqualTo(503);
		assertThat(this.api.login(name, PASSWORD).userId()).isEqualTo(id);

		Response avatar = this.api.call("PUT", "/api/users/me/avatar")
			.as(session)
			.bytes("image/png", Images.PNG)
			.send();
		assertThat(avatar.status()).isEqualTo(503);
		Response me = this.api.call("GET", "/api/users/me").as(session).send();
		assertThat(me.json().get("user").get("avatarUrl").isNull()).isTrue();
		assertThat(me.json().get("user").get("username").asString()).isEqualTo(name);
	}

}
