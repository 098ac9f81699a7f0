package dev.carrier.persistence;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.carrier.persistence.chats.ChatSnapshot;
import dev.carrier.persistence.chats.StoredChats;
import dev.carrier.persistence.support.Http;
import dev.carrier.persistence.support.Ids;
import dev.carrier.persistence.support.RealServers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service starts, serves and reports Kafka as down while no broker answers (nothing
 * listens on port 1); its consumers keep reconnecting in the background. Uses the local
 * servers' path: under Testcontainers the Kafka container's connection details would win
 * over the dead address.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.bootstrap-servers=127.0.0.1:1", "carrier.snapshots.catch-up-timeout=1s" })
@Import({ RealServers.class, StoredChats.class })
@ActiveProfiles("it")
class KafkaDownAtStartIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	StoredChats chats;

	@Autowired
	JsonMapper json;

	@Test
	void theServiceStartsReportsKafkaDownAndRefusesSnapshotsItCannotProveCurrent() {
		Http http = new Http(this.port);
		JsonNode health = this.json.readTree(http.get("/actuator/health").getBody());
		assertThat(health.at("/components/kafka/status").asString()).isEqualTo("DOWN");
		assertThat(health.at("/components/db/status").asString()).isEqualTo("UP");

		String chatId = Ids.random();
		String user = Ids.random();
		this.chats
			.upsertChats(List.of(new ChatSnapshot(chatId, "group", "Offline", null, Instant.now(), List.of(user), 0)));
		// MySQL has the chat, but without Kafka nobody can prove it holds every
		// acknowledged
		// message: a snapshot now could rewind the chat, so the answer is "later", never
		// stale data
		ResponseEntity<String> snapshot = http.postJson("/internal/snapshots", "{\"chatIds\":[\"" + chatId + "\"]}");
		assertThat(snapshot.getStatusCode().value()).isEqualTo(503);
		assertThat(snapshot.getHeaders().getFirst("Retry-After")).isNotBlank();
		assertThat(snapshot.getBody()).contains("\"status\":503").doesNotContain(chatId);
	}

}
