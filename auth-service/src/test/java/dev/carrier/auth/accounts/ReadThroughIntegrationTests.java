package dev.carrier.auth.accounts;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import dev.carrier.auth.RedisKeys;
import dev.carrier.auth.credentials.HashingPool;
import dev.carrier.auth.credentials.PasswordHasher;
import dev.carrier.auth.credentials.PasswordProperties;
import dev.carrier.auth.support.Api;
import dev.carrier.auth.support.Api.Response;
import dev.carrier.auth.support.Api.Session;
import dev.carrier.auth.support.AuthIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Users that Redis lost but MySQL (persistence-service, stubbed here) still holds. */
class ReadThroughIntegrationTests extends AuthIntegrationTest {

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	HashingPool hashingPool;

	@Test
	void aUserOnlyMysqlKnowsLogsInWithTheirOldIdAndIsWrittenBackAndUpgraded() {
		String id = UUID.randomUUID().toString();
		String name = Api.uniqueName();
		// hashed at a lower cost than today's 1000 iterations
		String oldHash = new PasswordHasher(new PasswordProperties(500, 1, 4, 2, 8), this.hashingPool).hash(PASSWORD);
		stub.putUser(userRecord(id, name, oldHash, null, 0));

		Session session = this.api.login(name.toUpperCase(), PASSWORD);
		assertThat(session.userId()).isEqualTo(id);
		// asked for the name as normalized once (lower case), the form every lookup uses
		assertThat(stub.received("GET /internal/users/by-login?login=" + name)).isTrue();
		assertThat(this.redis.opsForValue().get(RedisKeys.username(name))).isEqualTo(id);
		assertThat(this.redis.opsForValue().get(RedisKeys.email(name + "@example.com"))).isEqualTo(id);
		String storedHash = (String) this.redis.opsForHash().get(RedisKeys.user(id), "passwordHash");
		assertThat(storedHash).startsWith("pbkdf2-sha256$1000$");
		assertThat(this.api.login(name, PASSWORD).userId()).isEqualTo(id);
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(10))
			.until(() -> stub.received("POST /internal/users/" + id + "/logged-in"));
	}

	@Test
	void signupOfANameOrEmailThatOnlyMysqlKnowsIsTaken() {
		String name = Api.uniqueName();
		stub.putUser(userRecord(UUID.randomUUID().toString(), name, "pbkdf2-sha256$1$AAAA$AAAA", null, 0));
		Response sameName = this.api.post("/api/auth/signup",
				"{\"username\":\"%s\",\"email\":\"%s@elsewhere.example\",\"password\":\"%s\"}"
					.formatted(name.toUpperCase(), Api.uniqueName(), PASSWORD));
		assertThat(sameName.status()).isEqualTo(409);
		Response sameEmail = this.api.post("/api/auth/signup",
				"{\"username\":\"%s\",\"email\":\"%s@example.com\",\"password\":\"%s\"}".formatted(Api.uniqueName(),
						name, PASSWORD));
		assertThat(sameEmail.status()).isEqualTo(409);
	}

	@Test
	void aUserUnknownToRedisAndMysqlCannotLogIn() {
		Response response = this.api.post("/api/auth/login",
				"{\"login\":\"%s\",\"password\":\"%s\"}".formatted(Api.uniqueName(), PASSWORD));
		assertThat(response.status()).isEqualTo(401);
	}

	@Test
	void anUploadedAvatarRedisLostIsReadThrough() {
		String id = UUID.randomUUID().toString();
		stub.putUser(userRecord(id, Api.uniqueName(), "pbkdf2-sha256$1$AAAA$AAAA", "upload:image/gif", 3));
		byte[] gif = "GIF89a-tiny".getBytes();
		stub.putAvatar(id, "image/gif", gif);
		Response image = this.api.call("GET", "/api/users/" + id + "/avatar?v=3").send();
		assertThat(image.status()).isEqualTo(200);
		assertThat(image.header("Content-Type")).isEqualTo("image/gif");
		assertThat(image.body()).isEqualTo(gif);
		Response summary = this.api.call("GET", "/internal/users?ids=" + id).send();
		assertThat(summary.json().get(0).get("avatarUrl").asString()).isEqualTo("/api/users/" + id + "/avatar?v=3");
	}

	static Map<String, Object> userRecord(String id, String username, String passwordHash, String avatar,
			long avatarVersion) {
		Map<String, Object> record = new LinkedHashMap<>();
		record.put("id", id);
		record.put("username", username);
		record.put("email", username + "@example.com");
		record.put("passwordHash", passwordHash);
		record.put("avatar", avatar);
		record.put("avatarVersion", avatarVersion);
		record.put("createdAt", Instant.parse("2026-01-02T03:04:05Z").toString());
		record.put("updatedAt", Instant.parse("2026-01-02T03:04:05Z").toString());
		return record;
	}

}
