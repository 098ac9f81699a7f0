package dev.carrier.chat.attachments;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.carrier.chat.events.Topics;
import dev.carrier.chat.support.CachedChats;
import dev.carrier.chat.support.IntegrationTestSupport;
import dev.carrier.chat.support.KafkaProbe;
import dev.carrier.chat.support.StubAuthService.User;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Attachments on real Redis and Kafka, persistence-service stubbed: members only (404 on
 * every path for anyone else), claimed by one send of their uploader, carried by the
 * message into Kafka and through a reload of the chat.
 */
class AttachmentsIntegrationTests extends IntegrationTestSupport {

	@Autowired
	StringRedisTemplate redis;

	@Test
	void strangersGet404OnEveryPathAndMembersReadAnAttachmentOnceItIsSent() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		User eve = AUTH.newUser("eve");
		String chatId = createChat(alice, null, bob).path("id").asString();
		String id = upload(chatId, alice, "notes.txt", "the notes").path("id").asString();

		assertThat(get("/api/attachments/" + id, alice.id()).body()).isEqualTo("the notes");
		assertThat(get("/api/attachments/" + id, bob.id()).status()).isEqualTo(404);
		sendWith(chatId, alice, UUID.randomUUID().toString(), id);

		Reply download = get("/api/attachments/" + id, bob.id());
		assertThat(download.status()).isEqualTo(200);
		assertThat(download.body()).isEqualTo("the notes");
		assertThat(download.raw().headers().firstValue("Content-Disposition"))
			.hasValue("attachment; filename*=UTF-8''notes.txt");
		assertThat(uploadReply(chatId, eve, "x.txt", "x").status()).isEqualTo(404);
		assertThat(get("/api/attachments/" + id, eve.id()).status()).isEqualTo(404);
		assertThat(get("/api/attachments/" + id + "/thumbnail", eve.id()).status()).isEqualTo(404);
		assertThat(get("/api/attachments/" + id + "/thumbnail", bob.id()).status()).isEqualTo(404);
		assertThat(get("/api/attachments/" + id.toUpperCase(), alice.id()).status()).isEqualTo(404);
		assertThat(get("/api/attachments/" + UUID.randomUUID(), alice.id()).status()).isEqualTo(404);
	}

	@Test
	void anAttachmentGoesOutWithOneSendOfItsUploaderAndIntoKafka() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		String chatId = createChat(alice, null, bob).path("id").asString();
		String first = upload(chatId, alice, "a.txt", "a").path("id").asString();
		String second = upload(chatId, alice, "b.txt", "b").path("id").asString();
		String bobs = upload(chatId, bob, "c.txt", "c").path("id").asString();

		assertThat(sendReply(chatId, alice, UUID.randomUUID().toString(), bobs).status()).isEqualTo(400);
		assertThat(sendReply(chatId, alice, UUID.randomUUID().toString(), "not-an-id").status()).isEqualTo(400);
		try (KafkaProbe probe = new KafkaProbe(this.bootstrap, Topics.MESSAGE_SENT)) {
			String clientMessageId = UUID.randomUUID().toString();
			JsonNode sent = sendWith(chatId, alice, clientMessageId, second, first);
			assertThat(sent.path("text").asString()).isEmpty();
			assertThat(sent.path("attachments").valueStream().map(a -> a.path("name").asString()))
				.containsExactly("b.txt", "a.txt");
			// a retry of the same send claims them again and answers the same message
			assertThat(sendWith(chatId, alice, clientMessageId, second, first).path("id")).isEqualTo(sent.path("id"));
			List<ConsumerRecord<String, String>> records = await().atMost(Duration.ofSeconds(20))
				.until(() -> probe.withKey(chatId), (found) -> !found.isEmpty());
			assertThat(JSON.readTree(records.get(0).value()).path("message").path("attachmentIds"))
				.extracting(JsonNode::asString)
				.containsExactly(second, first);
		}
		assertThat(sendReply(chatId, alice, UUID.randomUUID().toString(), first).status()).isEqualTo(400);
		assertThat(get("/api/chats/" + chatId + "/messages", bob.id()).json().get(0).path("attachments")).hasSize(2);
	}

	@Test
	void attachmentsComeBackWithAReloadedChat() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		String chatId = createChat(alice, null, bob).path("id").asString();
		sendWith(chatId, alice, UUID.randomUUID().toString(),
				upload(chatId, alice, "a.txt", "a").path("id").asString());
		JsonNode before = get("/api/chats/" + chatId + "/messages", bob.id()).json();
		PERSISTENCE.putChat(CachedChats.durableCopy(this.redis, chatId));
		CachedChats.lose(this.redis, chatId);

		JsonNode after = get("/api/chats/" + chatId + "/messages", bob.id()).json();
		assertThat(after).isEqualTo(before);
		assertThat(after.get(0).path("attachments").get(0).path("name").asString()).isEqualTo("a.txt");
	}

	private JsonNode upload(String chatId, User uploader, String name, String text) {
		Reply reply = uploadReply(chatId, uploader, name, text);
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		return reply.json().path("attachment");
	}

	private Reply uploadReply(String chatId, User uploader, String name, String text) {
		return call(this.port, "POST", "/api/chats/" + chatId + "/attachments?name=" + name, uploader.id(), text,
				"text/plain");
	}

	private JsonNode sendWith(String chatId, User sender, String clientMessageId, String... attachmentIds) {
		Reply reply = sendReply(chatId, sender, clientMessageId, attachmentIds);
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		return reply.json().path("message");
	}

	private Reply sendReply(String chatId, User sender, String clientMessageId, String... attachmentIds) {
		return post("/api/chats/" + chatId + "/messages", sender.id(),
				Map.of("clientMessageId", clientMessageId, "attachmentIds", List.of(attachmentIds)));
	}

}
