package dev.carrier.auth.accounts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.carrier.auth.events.Topics;
import dev.carrier.auth.support.Api;
import dev.carrier.auth.support.Api.Session;
import dev.carrier.auth.support.AuthIntegrationTest;
import dev.carrier.auth.support.TopicWatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ExtendWith(OutputCaptureExtension.class)
class UserEventsIntegrationTests extends AuthIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Test
	void everyUserChangeReachesKafkaAsAFullSnapshotKeyedByUserId() {
		try (TopicWatcher watcher = new TopicWatcher(this.bootstrapServers, Topics.USER_CHANGED)) {
			Session session = this.api.newSession(PASSWORD);
			String renamed = Api.uniqueName();
			this.api.call("PATCH", "/api/users/me").as(session).json("{\"username\":\"%s\"}".formatted(renamed)).send();

			List<JsonNode> events = new ArrayList<>();
			await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
				for (ConsumerRecord<String, String> record : watcher.poll()) {
					if (session.userId().equals(record.key())) {
						events.add(JSON.readTree(record.value()));
					}
				}
				assertThat(events).hasSize(2);
			});
			JsonNode signup = events.get(0);
			assertThat(signup.get("eventId").asString()).isNotBlank();
			assertThat(signup.get("occurredAt").asString()).isNotBlank();
			JsonNode user = signup.get("user");
			assertThat(user.get("id").asString()).isEqualTo(session.userId());
			assertThat(user.get("username").asString()).isEqualTo(session.username());
			assertThat(user.get("email").asString()).isEqualTo(session.email());
			assertThat(user.get("passwordHash").asString()).startsWith("pbkdf2-sha256$1000$");
			assertThat(user.get("avatar").isNull()).isTrue();
			assertThat(user.get("avatarVersion").asLong()).isZero();
			assertThat(user.get("createdAt").asString()).isNotBlank();
			assertThat(user.get("updatedAt").asString()).isNotBlank();
			assertThat(events.get(1).get("user").get("username").asString()).isEqualTo(renamed);
			assertThat(events.get(1).get("user").get("id").asString()).isEqualTo(session.userId());
		}
	}

	@Test
	void logsNeverContainPasswordsHashesOrTokens(CapturedOutput output) {
		String password = "secret-" + Api.uniqueName();
		Session session = this.api.newSession(password);
		this.api.call("PUT", "/api/users/me/password")
			.as(session)
			.json("{\"currentPassword\":\"%s\",\"newPassword\":\"%s-new\"}".formatted(password, password))
			.send();
		this.api.post("/api/auth/login",
				"{\"login\":\"%s\",\"password\":\"%s-wrong\"}".formatted(session.username(), password));
		Session again = this.api.login(session.username(), password + "-new");
		this.api.call("POST", "/api/auth/logout").as(again).send();

		assertThat(output.getAll()).contains(session.userId());
		assertThat(output.getAll()).doesNotContain(password)
			.doesNotContain(session.token())
			.doesNotContain(again.token())
			.doesNotContain("pbkdf2-sha256$");
	}

}
