package dev.carrier.persistence.attachments;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.carrier.persistence.events.Topics;
import dev.carrier.persistence.support.Http;
import dev.carrier.persistence.support.Ids;
import dev.carrier.persistence.support.IntegrationTest;
import dev.carrier.persistence.support.KafkaEvents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads stored in MySQL with their type read from the bytes, image thumbnails made
 * within bounds, claims for one send, and attachments in history once the message is
 * stored.
 */
@IntegrationTest
class AttachmentsIntegrationTests {

	private static final Instant T0 = Instant.parse("2026-12-05T10:00:00.123456Z");

	@LocalServerPort
	int port;

	@Autowired
	KafkaEvents kafka;

	@Autowired
	JsonMapper json;

	Http http;

	Uploads uploads;

	String chatId = Ids.random();

	String alice = Ids.random();

	@BeforeEach
	void clients() {
		this.http = new Http(this.port);
		this.uploads = new Uploads(this.port);
	}

	@Test
	void anImageIsStoredWithItsDimensionsAndAThumbnailOfAtMost320Pixels() throws Exception {
		byte[] png = Uploads.png(800, 600);
		String id = Ids.random();

		ResponseEntity<String> stored = this.uploads.put(id, this.chatId, this.alice, "photo.png", "image/png", png);

		assertThat(stored.getStatusCode().value()).isEqualTo(201);
		JsonNode attachment = this.json.readTree(stored.getBody()).get("attachment");
		assertThat(attachment.get("type").asString()).isEqualTo("image/png");
		assertThat(attachment.get("size").asLong()).isEqualTo(png.length);
		assertThat(attachment.get("width").asInt()).isEqualTo(800);
		assertThat(attachment.get("height").asInt()).isEqualTo(600);
		assertThat(this.http.getBytes("/internal/attachments/" + id + "/content").getBody()).isEqualTo(png);
		BufferedImage thumbnail = ImageIO
			.read(new ByteArrayInputStream(this.http.getBytes("/internal/attachments/" + id + "/thumbnail").getBody()));
		assertThat(thumbnail.getWidth()).isEqualTo(320);
		assertThat(thumbnail.getHeight()).isEqualTo(240);
	}

	@Test
	void theTypeComesFromTheBytesNotTheName() {
		String id = Ids.random();
		ResponseEntity<String> stored = this.uploads.put(id, this.chatId, this.alice, "report.pdf",
				"application/octet-stream", Uploads.png(20, 10));

		assertThat(stored.getStatusCode().value()).isEqualTo(201);
		assertThat(this.json.readTree(stored.getBody()).get("attachment").get("type").asString())
			.isEqualTo("image/png");
		// a PNG the browser calls a PDF (by its name) is not what it claims
		assertThat(this.uploads
			.put(Ids.random(), this.chatId, this.alice, "report.pdf", "application/pdf", Uploads.png(20, 10))
			.getStatusCode()
			.value()).isEqualTo(415);
	}

	@Test
	void activeContentIsRefusedWhateverItIsCalled() {
		byte[] html = "  <!DOCTYPE html><html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
		byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>".getBytes(StandardCharsets.UTF_8);
		byte[] text = "just words".getBytes(StandardCharsets.UTF_8);

		assertThat(status(this.uploads.put(Ids.random(), this.chatId, this.alice, "notes.txt", "text/plain", html)))
			.isEqualTo(415);
		assertThat(status(this.uploads.put(Ids.random(), this.chatId, this.alice, "logo.svg", "image/svg+xml", svg)))
			.isEqualTo(415);
		assertThat(status(this.uploads.put(Ids.random(), this.chatId, this.alice, "page.html", "text/html", text)))
			.isEqualTo(415);
		ResponseEntity<String> refused = this.uploads.put(Ids.random(), this.chatId, this.alice, "a.txt", "text/plain",
				html);
		assertThat(refused.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
	}

	@Test
	void anImageThatDeclaresTooManyPixelsIsRefusedBeforeDecoding() {
		ResponseEntity<String> refused = this.uploads.put(Ids.random(), this.chatId, this.alice, "bomb.png",
				"image/png", Uploads.pngClaiming(60000, 60000));

		assertThat(refused.getStatusCode().value()).isEqualTo(415);
		assertThat(this.json.readTree(refused.getBody()).get("detail").asString()).contains("60000x60000");
	}

	@Test
	void aFileIsStoredWithoutDimensionsOrThumbnail() {
		String id = Ids.random();
		JsonNode attachment = this.json
			.readTree(this.uploads
				.put(id, this.chatId, this.alice, "notes.txt", "text/plain", "hello".getBytes(StandardCharsets.UTF_8))
				.getBody())
			.get("attachment");

		assertThat(attachment.get("type").asString()).isEqualTo("text/plain");
		assertThat(attachment.get("width").isNull()).isTrue();
		assertThat(status(this.http.get("/internal/attachments/" + id + "/thumbnail"))).isEqualTo(404);
		assertThat(status(this.http.get("/internal/attachments/" + Ids.random()))).isEqualTo(404);
	}

	@Test
	void anEmptyFileOrABlankNameIsABadRequest() {
		assertThat(status(this.uploads.put(Ids.random(), this.chatId, this.alice, "a.txt", "text/plain", new byte[0])))
			.isEqualTo(400);
		assertThat(
				status(this.uploads.put(Ids.random(), this.chatId, this.alice, "  ", "text/plain", new byte[] { 1 })))
			.isEqualTo(400);
		assertThat(status(this.uploads.put(Ids.random(), this.chatId, this.alice, "x".repeat(256), "text/plain",
				new byte[] { 1 })))
			.isEqualTo(400);
	}

	@Test
	void anAttachmentIsClaimedByOneSendOfItsUploaderInItsChatAndAgainByThatSendsRetry() {
		String first = upload(this.alice);
		String second = upload(this.alice);
		String bobs = upload(Ids.random());

		assertThat(status(claim(this.alice, "alice:one", first, second))).isEqualTo(200);
		assertThat(status(claim(this.alice, "alice:one", first, second))).isEqualTo(200);
		assertThat(status(claim(this.alice, "alice:two", first))).isEqualTo(400);
		assertThat(status(claim(this.alice, "alice:three", bobs))).isEqualTo(400);
		// all or none: the refused claim above did not take the free one with it
		String free = upload(this.alice);
		assertThat(status(claim(this.alice, "alice:four", free, first))).isEqualTo(400);
		assertThat(
				this.json.readTree(this.http.get("/internal/attachments/" + free).getBody()).get("claimed").asBoolean())
			.isFalse();
		assertThat(this.json.readTree(claim(this.alice, "alice:five", free).getBody())
			.get("attachments")
			.get(0)
			.get("id")
			.asString()).isEqualTo(free);
	}

	@Test
	void aStoredMessageShowsItsAttachmentsInTheOrderSentUntilItIsDeleted() {
		String first = upload(this.alice);
		String second = upload(this.alice);
		claim(this.alice, this.alice + ":c1", second, first);
		String messageId = Ids.random();
		this.kafka.awaitConsumed(this.kafka.send(Topics.CHAT_CHANGED, this.chatId, """
				{"eventId":"%s","occurredAt":"%s","chat":{"id":"%s","type":"direct","name":null,
				"memberIds":["%s","%s"],"createdAt":"%s","directKey":null}}
				""".formatted(Ids.random(), T0, this.chatId, this.alice, Ids.random(), T0)));
		this.kafka.awaitConsumed(this.kafka.send(Topics.MESSAGE_SENT, this.chatId, """
				{"eventId":"%s","occurredAt":"%s","message":{"id":"%s","chatId":"%s","seq":1,"senderId":"%s",
				"text":"","sentAt":"%s","clientMessageId":"c1","attachmentIds":["%s","%s"]}}
				""".formatted(Ids.random(), T0, messageId, this.chatId, this.alice, T0, second, first)));

		JsonNode page = this.json.readTree(this.http.get("/internal/chats/" + this.chatId + "/messages").getBody());
		assertThat(page.get(0).get("attachments").valueStream().map((a) -> a.get("id").asString()))
			.containsExactly(second, first);
		assertThat(this.json.readTree(this.http.get("/internal/attachments/" + first).getBody())
			.get("claimed")
			.asBoolean()).isTrue();

		this.kafka.awaitConsumed(this.kafka.send(Topics.MESSAGE_DELETED, this.chatId, """
				{"eventId":"%s","occurredAt":"%s","chatId":"%s","messageId":"%s","seq":1,"senderId":"%s"}
				""".formatted(Ids.random(), T0, this.chatId, messageId, this.alice)));
		page = this.json.readTree(this.http.get("/internal/chats/" + this.chatId + "/messages").getBody());
		assertThat(page.get(0).get("attachments")).isEmpty();
		// and no member but the uploader may read them any more
		assertThat(this.json.readTree(this.http.get("/internal/attachments/" + first).getBody())
			.get("claimed")
			.asBoolean()).isFalse();
	}

	private String upload(String uploader) {
		String id = Ids.random();
		this.uploads.put(id, this.chatId, uploader, "notes.txt", "text/plain", id.getBytes(StandardCharsets.UTF_8));
		return id;
	}

	private ResponseEntity<String> claim(String uploader, String claimKey, String... ids) {
		return this.http.postJson("/internal/attachments/claims", this.json
			.writeValueAsString(new AttachmentController.ClaimRequest(this.chatId, uploader, claimKey, List.of(ids))));
	}

	private static int status(ResponseEntity<?> response) {
		return response.getStatusCode().value();
	}

}
