package dev.carrier.e2e;

import static dev.carrier.e2e.support.CarrierApi.get;
import static dev.carrier.e2e.support.CarrierApi.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import dev.carrier.e2e.support.CarrierApi;
import dev.carrier.e2e.support.CarrierApi.Reply;
import dev.carrier.e2e.support.Chats;
import dev.carrier.e2e.support.ProblemCheck;
import dev.carrier.e2e.support.Servers;
import dev.carrier.e2e.support.TestUser;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Attachments through the gateway (docs/api.md, "Attachments"): members only, bad input
 * refused with problem documents, images inline with a server-made thumbnail, files as
 * downloads, and a file that survives its chat's flush to MySQL and eviction.
 */
class AttachmentsEndToEndTests {

	private static final Duration LOGOUT_GRACE = CarrierApi.envDuration("CARRIER_CHAT_LOGOUT_GRACE", "30s");

	private static final long LIMIT = parseSize(CarrierApi.env("CARRIER_MAX_ATTACHMENT_SIZE", "10MB"));

	@Test
	void strangersGet404OnEveryAttachmentPathAndMembersOnlyOnceItIsSent() throws IOException {
		TestUser ann = TestUser.signUp("ann");
		TestUser ben = TestUser.signUp("ben");
		TestUser eve = TestUser.signUp("eve");
		String chatId = Chats.create(ann, List.of(ben.username()), null).get("id").asString();
		String id = upload(ann, chatId, "photo.png", "image/png", png(40, 30)).get("id").asString();

		// before it is sent, only its uploader sees it
		assertThat(get("/api/attachments/" + id, ann.token()).status()).isEqualTo(200);
		assertNotFound(get("/api/attachments/" + id, ben.token()));
		String sentId = send(ann, chatId, List.of(id)).get("id").asString();
		assertThat(get("/api/attachments/" + id, ben.token()).status()).isEqualTo(200);
		assertThat(get("/api/attachments/" + id + "/thumbnail", ben.token()).status()).isEqualTo(200);

		assertNotFound(uploadReply(eve, chatId, "x.txt", "text/plain", "hello".getBytes(StandardCharsets.UTF_8)));
		assertNotFound(get("/api/attachments/" + id, eve.token()));
		assertNotFound(get("/api/attachments/" + id + "/thumbnail", eve.token()));
		for (String notAnId : List.of(UUID.randomUUID().toString(), id.toUpperCase(), "nope")) {
			assertNotFound(get("/api/attachments/" + notAnId, ann.token()));
			assertNotFound(get("/api/attachments/" + notAnId + "/thumbnail", ann.token()));
		}
		assertNotFound(uploadReply(ann, UUID.randomUUID().toString(), "x.txt", "text/plain", new byte[] { 'x' }));

		// a deleted message takes its attachment from the other members
		assertThat(CarrierApi.delete("/api/chats/" + chatId + "/messages/" + sentId, ann.token()).status())
			.isEqualTo(204);
		Awaitility.await("the deletion is stored")
			.atMost(Duration.ofSeconds(10))
			.until(() -> get("/api/attachments/" + id, ben.token()).status() == 404);
		assertThat(get("/api/attachments/" + id, ann.token()).status()).isEqualTo(200);
	}

	@Test
	void badUploadsGet400413And415ProblemDocuments() throws IOException {
		TestUser ann = TestUser.signUp("ann");
		TestUser ben = TestUser.signUp("ben");
		String chatId = Chats.create(ann, List.of(ben.username()), null).get("id").asString();
		byte[] text = "some notes".getBytes(StandardCharsets.UTF_8);

		assertProblem(
				CarrierApi.sendBytes("POST", "/api/chats/" + chatId + "/attachments", ann.token(), text, "text/plain"),
				400);
		assertProblem(uploadReply(ann, chatId, "   ", "text/plain", text), 400);
		assertProblem(uploadReply(ann, chatId, "n".repeat(256), "text/plain", text), 400);
		assertProblem(uploadReply(ann, chatId, "empty.txt", "text/plain", new byte[0]), 400);
		assertProblem(uploadReply(ann, chatId, "big.bin", "application/octet-stream", new byte[(int) LIMIT + 1]), 413);
		assertProblem(uploadReply(ann, chatId, "page.txt", "text/plain",
				"<!doctype html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)), 415);
		assertProblem(uploadReply(ann, chatId, "logo.svg", "image/svg+xml",
				"<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8)), 415);
		assertProblem(uploadReply(ann, chatId, "report.pdf", "application/pdf", png(8, 8)), 415);
		assertProblem(uploadReply(ann, chatId, "photo.jpg", "image/jpeg", text), 415);
		// exactly the limit is fine
		assertThat(uploadReply(ann, chatId, "full.bin", "application/octet-stream", new byte[(int) LIMIT]).status())
			.isEqualTo(201);
	}

	@Test
	void aMessageCarriesOnlyItsSendersUnsentAttachmentsOfItsChat() {
		TestUser ann = TestUser.signUp("ann");
		TestUser ben = TestUser.signUp("ben");
		String chatId = Chats.create(ann, List.of(ben.username()), null).get("id").asString();
		String otherChat = Chats.create(ann, List.of(TestUser.signUp("cat").username()), null).get("id").asString();
		String annsFile = upload(ann, chatId, "a.txt", "text/plain", bytes("a")).get("id").asString();
		String bensFile = upload(ben, chatId, "b.txt", "text/plain", bytes("b")).get("id").asString();
		String elsewhere = upload(ann, otherChat, "c.txt", "text/plain", bytes("c")).get("id").asString();

		for (List<String> ids : List.of(List.of(bensFile), List.of(elsewhere), List.of(UUID.randomUUID().toString()),
				List.of("not-an-id"), List.of(annsFile, annsFile))) {
			assertProblem(post("/api/chats/" + chatId + "/messages", ann.token(),
					Map.of("clientMessageId", UUID.randomUUID().toString(), "attachmentIds", ids)), 400);
		}
		List<String> eleven = new ArrayList<>();
		for (int i = 0; i < 11; i++) {
			eleven.add(upload(ann, chatId, i + ".txt", "text/plain", bytes("n" + i)).get("id").asString());
		}
		assertProblem(post("/api/chats/" + chatId + "/messages", ann.token(),
				Map.of("clientMessageId", UUID.randomUUID().toString(), "attachmentIds", eleven)), 400);
		assertProblem(post("/api/chats/" + chatId + "/messages", ann.token(),
				Map.of("text", "  ", "clientMessageId", UUID.randomUUID().toString())), 400);

		String clientMessageId = UUID.randomUUID().toString();
		Reply first = post("/api/chats/" + chatId + "/messages", ann.token(),
				Map.of("clientMessageId", clientMessageId, "attachmentIds", List.of(annsFile)));
		Reply retry = post("/api/chats/" + chatId + "/messages", ann.token(),
				Map.of("clientMessageId", clientMessageId, "attachmentIds", List.of(annsFile)));
		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
		assertThat(retry.json().get("message").get("id")).isEqualTo(first.json().get("message").get("id"));
		JsonNode attachment = first.json().get("message").get("attachments").get(0);
		assertThat(attachment.get("id").asString()).isEqualTo(annsFile);
		assertThat(attachment.get("name").asString()).isEqualTo("a.txt");
		assertThat(attachment.get("size").asLong()).isEqualTo(1);
		// used: no second message may carry it
		assertProblem(
				post("/api/chats/" + chatId + "/messages", ann.token(),
						Map.of("clientMessageId", UUID.randomUUID().toString(), "attachmentIds", List.of(annsFile))),
				400);
		assertThat(Chats.send(ann, chatId, "plain text").get("attachments")).isEmpty();
	}

	@Test
	void anImageIsShownInlineWithAThumbnailAndAFileIsADownload() throws IOException {
		TestUser ann = TestUser.signUp("ann");
		TestUser ben = TestUser.signUp("ben");
		String chatId = Chats.create(ann, List.of(ben.username()), null).get("id").asString();
		byte[] photo = png(1000, 500);
		JsonNode image = upload(ann, chatId, "holiday.png", "image/png", photo);
		byte[] pdf = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
		JsonNode file = upload(ann, chatId, "Übersicht 2026.pdf", "application/pdf", pdf);
		assertThat(image.get("type").asString()).isEqualTo("image/png");
		assertThat(image.get("width").asInt()).isEqualTo(1000);
		assertThat(image.get("height").asInt()).isEqualTo(500);
		assertThat(file.get("type").asString()).isEqualTo("application/pdf");
		assertThat(file.get("width").isNull()).isTrue();
		send(ann, chatId, List.of(image.get("id").asString(), file.get("id").asString()));

		Reply shown = get("/api/attachments/" + image.get("id").asString(), ben.token());
		assertThat(shown.bytes()).isEqualTo(photo);
		assertThat(shown.header("Content-Type")).isEqualTo("image/png");
		assertThat(shown.header("Content-Disposition")).isEqualTo("inline");
		assertThat(shown.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(shown.header("Cache-Control")).isEqualTo("private, max-age=86400");
		BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(
				get("/api/attachments/" + image.get("id").asString() + "/thumbnail", ben.token()).bytes()));
		assertThat(thumbnail.getWidth()).isEqualTo(320);
		assertThat(thumbnail.getHeight()).isEqualTo(160);

		Reply download = get("/api/attachments/" + file.get("id").asString(), ben.token());
		assertThat(download.bytes()).isEqualTo(pdf);
		assertThat(download.header("Content-Type")).isEqualTo("application/pdf");
		assertThat(download.header("Content-Disposition"))
			.isEqualTo("attachment; filename*=UTF-8''%C3%9Cbersicht%202026.pdf");
		assertNotFound(get("/api/attachments/" + file.get("id").asString() + "/thumbnail", ben.token()));
	}

	@Test
	void aFileSentBeforeTheChatIsFlushedAndEvictedIsFoundAndDownloadedAfterTheNextLogin() {
		TestUser ann = TestUser.signUp("ann");
		TestUser ben = TestUser.signUp("ben");
		String chatId = Chats.create(ann, List.of(ben.username()), null).get("id").asString();
		byte[] bytes = new byte[300_000];
		new java.util.Random(7).nextBytes(bytes);
		String id = upload(ann, chatId, "random.bin", "application/octet-stream", bytes).get("id").asString();
		JsonNode sent = send(ann, chatId, List.of(id));

		assertThat(post("/api/auth/logout", ann.token(), null).status()).isEqualTo(204);
		assertThat(post("/api/auth/logout", ben.token(), null).status()).isEqualTo(204);
		Awaitility.await("the chat is flushed and evicted")
			.atMost(LOGOUT_GRACE.plusSeconds(15))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> !Servers.redisHasKey("carrier:chat:chat:" + chatId)
					&& !Servers.redisHasKey("carrier:chat:messages:" + chatId));

		TestUser benAgain = ben.loggedInAgain();
		JsonNode messages = get("/api/chats/" + chatId + "/messages", benAgain.token()).json();
		assertThat(messages).hasSize(1);
		assertThat(messages.get(0).get("id")).isEqualTo(sent.get("id"));
		JsonNode attachment = messages.get(0).get("attachments").get(0);
		assertThat(attachment.get("name").asString()).isEqualTo("random.bin");
		assertThat(attachment.get("size").asLong()).isEqualTo(bytes.length);
		Reply download = get("/api/attachments/" + id, benAgain.token());
		assertThat(download.status()).isEqualTo(200);
		assertThat(download.bytes()).isEqualTo(bytes);
		assertThat(download.header("Content-Disposition")).isEqualTo("attachment; filename*=UTF-8''random.bin");
	}

	private static JsonNode upload(TestUser who, String chatId, String name, String type, byte[] bytes) {
		Reply reply = uploadReply(who, chatId, name, type, bytes);
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		return reply.json().get("attachment");
	}

	private static Reply uploadReply(TestUser who, String chatId, String name, String type, byte[] bytes) {
		return CarrierApi.sendBytes("POST",
				"/api/chats/" + chatId + "/attachments?name="
						+ java.net.URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"),
				who.token(), bytes, type);
	}

	private static JsonNode send(TestUser who, String chatId, List<String> attachmentIds) {
		Reply reply = post("/api/chats/" + chatId + "/messages", who.token(),
				Map.of("clientMessageId", UUID.randomUUID().toString(), "attachmentIds", attachmentIds));
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		assertThat(reply.json().get("message").get("attachments")).hasSize(attachmentIds.size());
		return reply.json().get("message");
	}

	private static void assertNotFound(Reply reply) {
		assertProblem(reply, 404);
	}

	private static void assertProblem(Reply reply, int status) {
		assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
		assertThat(ProblemCheck.problemFaults(reply)).as(reply.toString()).isEmpty();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	static byte[] png(int width, int height) throws IOException {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(Color.BLUE);
		graphics.fillRect(0, 0, width / 3, height);
		graphics.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	private static long parseSize(String size) {
		String upper = size.trim().toUpperCase();
		if (upper.endsWith("MB")) {
			return Long.parseLong(upper.substring(0, upper.length() - 2).trim()) * 1024 * 1024;
		}
		if (upper.endsWith("KB")) {
			return Long.parseLong(upper.substring(0, upper.length() - 2).trim()) * 1024;
		}
		return Long.parseLong(upper.replace("B", "").trim());
	}

}
