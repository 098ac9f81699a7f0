package dev.carrier.e2e.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;

/**
 * The count that decides every integrity test: each acknowledged message exactly once in
 * MySQL and through the API, nothing else, seqs contiguous 1..N per chat, each sender's
 * messages in the order it was told they were sent, and no integrity violation counted by
 * persistence-service.
 */
public final class IntegrityCheck {

	private static final URI PERSISTENCE = URI
		.create(CarrierApi.env("CARRIER_PERSISTENCE_URL", "http://127.0.0.1:8083"));

	private IntegrityCheck() {
	}

	/**
	 * @param readers a member per chat id, to page the chat through the API
	 */
	public static void verify(List<SendLoad.Ack> acks, Map<String, TestUser> readers,
			Map<String, List<SendLoad.Ack>> bySender) {
		Map<String, List<SendLoad.Ack>> byChat = acks.stream().collect(Collectors.groupingBy(SendLoad.Ack::chatId));
		assertThat(acks.stream().map(SendLoad.Ack::messageId).collect(Collectors.toSet()))
			.as("no two 201s name one message")
			.hasSize(acks.size());
		for (var chat : byChat.entrySet()) {
			String chatId = chat.getKey();
			Set<String> acknowledged = chat.getValue()
				.stream()
				.map(SendLoad.Ack::messageId)
				.collect(Collectors.toSet());
			Awaitility.await("MySQL holds exactly the acknowledged messages of " + chatId)
				.atMost(Duration.ofMinutes(2))
				.pollInterval(Duration.ofMillis(500))
				.until(() -> new HashSet<>(Servers.mysqlStrings("select id from messages where chat_id = ?", chatId))
					.equals(acknowledged));
			List<String> seqs = Servers.mysqlStrings("select seq from messages where chat_id = ? order by seq", chatId);
			assertThat(seqs.stream().map(Long::parseLong).toList()).as("MySQL seqs of " + chatId)
				.isEqualTo(LongStream.rangeClosed(1, acknowledged.size()).boxed().toList());
			for (SendLoad.Ack ack : chat.getValue()) {
				assertThat(Servers.mysqlLong("select seq from messages where id = ?", ack.messageId()))
					.as("the seq %s was acknowledged with", ack.messageId())
					.isEqualTo(ack.seq());
			}
			TestUser reader = readers.get(chatId).loggedInAgain();
			List<JsonNode> served = Chats.pageBackToTheFirst(reader, chatId, 200);
			assertThat(served.stream().map(m -> m.get("id").asString()).toList())
				.as("served through the API, once each")
				.doesNotHaveDuplicates()
				.containsExactlyInAnyOrderElementsOf(acknowledged);
			assertThat(served.stream().map(m -> m.get("seq").asLong()).toList()).as("served in seq order")
				.isEqualTo(LongStream.rangeClosed(1, acknowledged.size()).boxed().toList());
		}
		for (var sender : bySender.entrySet()) {
			Map<String, Long> lastSeq = new HashMap<>();
			for (SendLoad.Ack ack : sender.getValue()) {
				Long previous = lastSeq.put(ack.chatId(), ack.seq());
				if (previous != null) {
					assertThat(ack.seq())
						.as("sender %s's messages keep the order they were acknowledged in", sender.getKey())
						.isGreaterThan(previous);
				}
			}
		}
		assertThat(integrityViolations()).as("persistence-service's integrity violations").isZero();
	}

	/** persistence-service's {@code carrier.persistence.integrity.violations} counter. */
	public static double integrityViolations() {
		try (HttpClient http = HttpClient.newHttpClient()) {
			String metrics = http
				.send(HttpRequest.newBuilder(PERSISTENCE.resolve("/actuator/prometheus")).build(),
						BodyHandlers.ofString())
				.body();
			return metrics.lines()
				.filter(line -> line.startsWith("carrier_persistence_integrity_violations_total"))
				.mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
				.sum();
		}
		catch (Exception ex) {
			throw new IllegalStateException("could not read persistence-service's metrics", ex);
		}
	}

	/** Every Redis key that names this id in another spelling than the canonical one. */
	public static List<String> keysNaming(String spelling) {
		List<String> keys = new ArrayList<>();
		for (String line : Servers.redisCli("--scan", "--pattern", "*" + spelling + "*").split("\n")) {
			if (!line.isBlank()) {
				keys.add(line.trim());
			}
		}
		return keys;
	}

}
