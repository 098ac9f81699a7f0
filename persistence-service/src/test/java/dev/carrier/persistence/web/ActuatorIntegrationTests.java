package dev.carrier.persistence.web;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.carrier.persistence.support.Http;
import dev.carrier.persistence.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@IntegrationTest
class ActuatorIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Test
	void healthCoversMySqlAndKafkaAndNoRedis() {
		JsonNode health = this.json.readTree(new Http(this.port).get("/actuator/health").getBody());
		assertThat(health.get("status").asString()).isEqualTo("UP");
		assertThat(health.at("/components/db/status").asString()).isEqualTo("UP");
		// persistence-service owns MySQL only: it has no Redis connection to report
		assertThat(health.at("/components/redis").isMissingNode()).isTrue();
		assertThat(health.at("/components/kafka/status").asString()).isEqualTo("UP");
	}

	@Test
	void prometheusShowsConsumerLagAndIntegrityCounters() {
		Http http = new Http(this.port);
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(http.get("/actuator/prometheus").getBody())
				.contains("kafka_consumer_fetch_manager_records_lag_max")
				.contains("carrier_persistence_messages_superseded_total")
				.contains("carrier_persistence_integrity_violations_total"));
	}

	@Test
	void openApiDescribesTheInternalEndpoints() {
		String docs = new Http(this.port).get("/v3/api-docs").getBody();
		assertThat(docs).contains("/internal/users/by-login", "/internal/users/{id}/avatar", "/internal/direct-chats",
				"/internal/chats/{chatId}/messages", "/internal/users/{userId}/chat-ids",
				"/internal/chats/{chatId}/members/{userId}", "/internal/snapshots");
	}

}
