package dev.carrier.persistence.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.carrier.persistence.support.Http;
import dev.carrier.persistence.support.Ids;
import dev.carrier.persistence.support.IntegrationTest;
import dev.carrier.persistence.support.KafkaEvents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import static dev.carrier.persistence.events.EventConsumersIntegrationTests.chatChanged;
import static dev.carrier.persistence.events.EventConsumersIntegrationTests.messageDeleted;
import static dev.carrier.persistence.events.EventConsumersIntegrationTests.messageSent;
import static dev.carrier.persistence.events.MessageEditsIntegrationTests.messageEdited;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /internal/search} over messages that came through Kafka: every term as
 * typed, only the chats named, never a deleted message, an edit's words and not the
 * original's, highlights, and pages newest first or best match first.
 */
@IntegrationTest
class MessageSearchIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	KafkaEvents kafka;

	@Autowired
	JsonMapper json;

	Http http;

	@BeforeEach
	void client() {
		this.http = new Http(this.port);
	}

	@Test
	void findsEveryTermAsTypedOnlyInTheChatsNamedAndNeverADeletedOrEditedAwayWord() {
		String alice = Ids.random();
		String chat = chat(alice);
		String other = chat(alice);
		String marker = "elsinore" + Ids.random().substring(0, 6);
		String seen = send(chat, 1, alice, "The ghost of " + marker + " walks at midnight");
		send(chat, 2, alice, "No ghost tonight, " + marker);
		String gone = send(chat, 3, alice, "A ghost of " + marker + " to forget");
		String edited = send(chat, 4, alice, "Old words " + marker);
		String elsewhere = send(other, 1, alice, "The ghost of " + marker + " walks elsewhere");
		this.kafka.send(Topics.MESSAGE_DELETED, chat, messageDeleted(chat, gone, 3, alice));
		this.kafka.awaitConsumed(this.kafka.send(Topics.MESSAGE_EDITED, chat,
				messageEdited(chat, edited, alice, "New phrase " + marker, Instant.now())));

		JsonNode found = search(List.of(chat), "GHOST \"of " + marker + "\"", null, null).get("results");
		assertThat(ids(found)).containsExactly(seen);
		JsonNode highlights = found.get(0).get("highlights");
		assertThat(highlights.get(0).get(0).asInt()).isEqualTo(4);
		assertThat(highlights.get(0).get(1).asInt()).isEqualTo(9);
		assertThat(highlights.get(1).get(0).asInt()).isEqualTo(10);

		assertThat(ids(search(List.of(chat, other), "walks " + marker, null, null).get("results")))
			.containsExactlyInAnyOrder(seen, elsewhere);
		assertThat(ids(search(List.of(chat), "old " + marker, null, null).get("results"))).isEmpty();
		assertThat(ids(search(List.of(chat), "new phrase " + marker, null, null).get("results")))
			.containsExactly(edited);
		assertThat(ids(search(List.of(chat), "at " + marker, null, null).get("results"))).as("a two-letter word")
			.containsExactly(seen);
	}

	@Test
	void textWithoutSpacesIsFoundByAnyPartOfIt() {
		String alice = Ids.random();
		String chat = chat(alice);
		String tokyo = send(chat, 1, alice, "私は東京都に行きます" + Ids.random().substring(0, 4));

		assertThat(ids(search(List.of(chat), "東京", null, null).get("results"))).containsExactly(tokyo);
		assertThat(ids(search(List.of(chat), "東京都に行", null, null).get("results"))).containsExactly(tokyo);
	}

	@Test
	void pagesRunNewestFirstToTheEndAndBestMatchFirstByScore() {
		String alice = Ids.random();
		String chat = chat(alice);
		String marker = "yorick" + Ids.random().substring(0, 6);
		List<String> sent = new ArrayList<>();
		for (int seq = 1; seq <= 7; seq++) {
			sent.add(send(chat, seq, alice, "alas poor " + marker + " number " + seq));
		}
		String twice = send(chat, 8, alice, marker + " " + marker + " " + marker);

		List<String> newestFirst = new ArrayList<>();
		String before = null;
		do {
			JsonNode page = search(List.of(chat), marker, before, "newest");
			newestFirst.addAll(ids(page.get("results")));
			before = page.get("next").isNull() ? null : page.get("next").asString();
		}
		while (before != null);
		List<String> expected = new ArrayList<>(sent);
		expected.add(twice);
		assertThat(newestFirst).containsExactlyElementsOf(expected.reversed());

		assertThat(ids(search(List.of(chat), marker, null, "best").get("results")).get(0)).isEqualTo(twice);
	}

	@Test
	void aWordOlderThanTheRecentWindowIsFoundThroughTheIndexAndAFrequentOneFromTheWindow() {
		String alice = Ids.random();
		String chat = chat(alice);
		String marker = "polonius" + Ids.random().substring(0, 6);
		String old = Ids.random();
		this.kafka.send(Topics.MESSAGE_SENT, chat, messageSent(chat, old, 1, alice, "behind the arras " + marker));
		int count = 120;
		String last = null;
		for (int seq = 2; seq <= count; seq++) {
			last = Ids.random();
			org.apache.kafka.clients.producer.RecordMetadata sent = this.kafka.send(Topics.MESSAGE_SENT, chat,
					messageSent(chat, last, seq, alice, "words words words " + seq));
			if (seq == count) {
				this.kafka.awaitConsumed(sent);
			}
		}

		assertThat(ids(search(List.of(chat), marker, null, null).get("results"))).containsExactly(old);
		JsonNode frequent = search(List.of(chat), "words", null, null);
		assertThat(ids(frequent.get("results"))).hasSize(3).startsWith(last);
		assertThat(frequent.get("next").isNull()).isFalse();
	}

	@Test
	void anEmptyQueryOrAForgedCursorIs400() {
		String chat = chat(Ids.random());
		for (String body : List.of("{\"chatIds\":[\"" + chat + "\"],\"q\":\"  \"}",
				"{\"chatIds\":[\"" + chat + "\"],\"q\":\"+-*\"}",
				"{\"chatIds\":[\"" + chat + "\"],\"q\":\"x\",\"before\":\"not-a-cursor\"}",
				"{\"chatIds\":[\"" + chat + "\"],\"q\":\"" + "x".repeat(201) + "\"}",
				"{\"chatIds\":[\"" + chat + "\"],\"q\":\"x\",\"limit\":51}")) {
			ResponseEntity<String> response = this.http.postJson("/internal/search", body);
			assertThat(response.getStatusCode().value()).as(body).isEqualTo(400);
			assertThat(response.getBody()).doesNotContain("Exception");
		}
	}

	private String chat(String member) {
		String chatId = Ids.random();
		this.kafka.awaitConsumed(this.kafka.send(Topics.CHAT_CHANGED, chatId,
				chatChanged(chatId, "direct", null, member, Ids.random())));
		return chatId;
	}

	private String send(String chatId, long seq, String sender, String text) {
		String id = Ids.random();
		this.kafka
			.awaitConsumed(this.kafka.send(Topics.MESSAGE_SENT, chatId, messageSent(chatId, id, seq, sender, text)));
		return id;
	}

	private JsonNode search(List<String> chatIds, String q, String before, String order) {
		Map<String, Object> body = new java.util.HashMap<>();
		body.put("chatIds", chatIds);
		body.put("q", q);
		body.put("limit", 3);
		if (before != null) {
			body.put("before", before);
		}
		if (order != null) {
			body.put("order", order);
		}
		ResponseEntity<String> response = this.http.postJson("/internal/search", this.json.writeValueAsString(body));
		assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
		return this.json.readTree(response.getBody());
	}

	private static List<String> ids(JsonNode results) {
		List<String> ids = new ArrayList<>();
		results.forEach((result) -> ids.add(result.get("message").get("id").asString()));
		return ids;
	}

}
