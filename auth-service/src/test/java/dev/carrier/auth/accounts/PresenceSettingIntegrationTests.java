package dev.carrier.auth.accounts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;

import dev.carrier.auth.RedisKeys;
import dev.carrier.auth.events.Topics;
import dev.carrier.auth.support.Api;
import dev.carrier.auth.support.Api.Response;
import dev.carrier.auth.support.Api.Session;
import dev.carrier.auth.support.AuthIntegrationTest;
import dev.carrier.auth.support.TopicWatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code PUT /api/users/me/presence}: a setting of the account, as durable as the
 * account.
 */
class PresenceSettingIntegrationTests extends AuthIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Autowired
	StringRedisTemplate redis;

	@Test
	void hidingIsPublishedWithTheUserAndShownToThemAndToChatService() {
		try (TopicWatcher watcher = new TopicWatcher(this.bootstrapServers, Topics.USER_CHANGED)) {
			Session session = this.api.newSession(PASSWORD);
			assertThat(me(session).path("presenceVisible").asBoolean()).isTrue();

			Response hide = this.api.call("PUT", "/api/users/me/presence")
				.as(session)
				.json("{\"visible\":false}")
				.send();

			assertThat(hide.status()).isEqualTo(204);
			assertThat(me(session).path("presenceVisible").asBoolean()).isFalse();
			JsonNode summary = this.api.call("GET", "/internal/users?ids=" + session.userId()).send().json().get(0);
			assertThat(summary.path("presenceVisible").asBoolean()).isFalse();
			List<JsonNode> users = new ArrayList<>();
			await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
				for (ConsumerRecord<String, String> record : watcher.poll()) {
					if (session.userId().equals(record.key())) {
						users.add(JSON.readTree(record.value()).path("user"));
					}
				}
				assertThat(users).hasSize(2);
			});
			assertThat(users.get(0).path("presenceHidden").asBoolean()).isFalse();
			assertThat(users.get(1).path("presenceHidden").asBoolean()).isTrue();
		}
	}

	@Test
	void aHiddenPresenceThatOnlyMysqlStillHoldsStaysHidden() {
		String id = UUID.randomUUID().toString();
		Map<String, Object> record = ReadThroughIntegrationTests.userRecord(id, Api.uniqueName(),
				"pbkdf2-sha256$1$AAAA$AAAA", null, 0);
		record.put("presenceHidden", true);
		stub.putUser(record);

		JsonNode summary = this.api.call("GET", "/internal/users?ids=" + id).send().json().get(0);

		assertThat(summary.path("presenceVisible").asBoolean()).isFalse();
		assertThat(this.redis.opsForHash().get(RedisKeys.user(id), "presenceHidden")).isEqualTo("true");
	}

	@Test
	void aBadBodyIsA400ProblemAndChangesNothing() {
		Session session = this.api.newSession(PASSWORD);
		for (String body : List.of("{}", "{\"visible\":null}", "{\"visible\":\"false\"}", "{\"visible\":0}", "[]",
				"not json")) {
			Response response = this.api.call("PUT", "/api/users/me/presence").as(session).json(body).send();
			assertThat(response.status()).as(body).isEqualTo(400);
			assertThat(response.header("Content-Type")).as(body).startsWith("application/problem+json");
		}
		assertThat(me(session).path("presenceVisible").asBoolean()).isTrue();
	}

	private JsonNode me(Session session) {
		return this.api.call("GET", "/api/users/me").as(session).send().json().path("user");
	}

}
