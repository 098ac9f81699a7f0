package dev.carrier.persistence.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.carrier.persistence.chats.ChatSnapshot;
import dev.carrier.persistence.chats.StoredChats;
import dev.carrier.persistence.events.AvatarUploaded;
import dev.carrier.persistence.events.UserChanged;
import dev.carrier.persistence.messages.StoredMessages;
import dev.carrier.persistence.messages.StoredMessage;
import dev.carrier.persistence.support.Http;
import dev.carrier.persistence.support.Ids;
import dev.carrier.persistence.support.IntegrationTest;
import dev.carrier.persistence.users.StoredUsers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class InternalApiIntegrationTests {

	private static final Instant T0 = Instant.parse("2026-11-25T10:00:00.123456Z");

	@LocalServerPort
	int port;

	@Autowired
	StoredUsers users;

	@Autowired
	StoredChats chats;

	@Autowired
	StoredMessages messages;

	@Autowired
	JsonMapper json;

	Http http;

	@BeforeEach
	void client() {
		this.http = new Http(this.port);
	}

	@Test
	void onlyCarriersOwnServicesGetAnAnswer() {
		String id = Ids.random();
		String username = "Kim" + id.substring(0, 8);
		this.users.upsertUsers(List
			.of(new UserChanged.User(id, username, username + "@example.com", "pbkdf2$hash", null, 0, T0, T0, false)));
		Http stranger = Http.stranger(this.port);

		problem(stranger.get("/internal/users/" + id), 401);
		problem(stranger.get("/internal/users/" + id + "/chat-ids"), 401);
		problem(stranger.postJson("/internal/snapshots", "{\"chatIds\":[\"" + Ids.random() + "\"]}"), 401);
		assertThat(body(this.http.get("/internal/users/" + id), 200).get("email").asString()).startsWith(username);
	}

	@Test
	void aUserIsFoundByUsernameOrEmailInAnyCaseAndByIdWithItsPasswordHash() {
		String id = Ids.random();
		String username = "Ann" + id.substring(0, 8);
		this.users.upsertUsers(List.of(new UserChanged.User(id, username, username + "@Example.com", "pbkdf2$hash",
				"upload:image/png", 3, T0, T0, false)));
		JsonNode byName = body(this.http.get("/internal/users/by-login?login=" + username.toUpperCase()), 200);
		assertThat(byName.get("id").asString()).isEqualTo(id);
		assertThat(byName.get("username").asString()).isEqualTo(username);
		assertThat(byName.get("passwordHash").asString()).isEqualTo("pbkdf2$hash");
		assertThat(byName.get("avatar").asString()).isEqualTo("upload:image/png");
		assertThat(byName.get("avatarVersion").asLong()).isEqualTo(3);
		assertThat(byName.get("createdAt").asString()).isEqualTo("2026-11-25T10:00:00.123456Z");
		assertThat(body(this.http.get("/internal/users/by-login?login=" + username.toLowerCase() + "@example.COM"), 200)
			.get("id")
			.asString()).isEqualTo(id);
		assertThat(body(this.http.get("/internal/users/" + id), 200).get("email").asString())
			.isEqualTo(username + "@Example.com");
	}

	@Test
	void aHiddenPresenceIsKeptWithTheUserAndAnOlderSnapshotDoesNotRevertIt() {
		String id = Ids.random();
		String username = "Pia" + id.substring(0, 8);
		this.users.upsertUsers(List.of(new UserChanged.User(id, username, username + "@example.com", "pbkdf2$hash",
				null, 0, T0, T0.plusSeconds(5), true)));
		this.users.upsertUsers(List
			.of(new UserChanged.User(id, username, username + "@example.com", "pbkdf2$hash", null, 0, T0, T0, false)));

		assertThat(body(this.http.get("/internal/users/" + id), 200).get("presenceHidden").asBoolean()).isTrue();
	}

	@Test
	void unknownUsersAndAvatarsAre404Problems() {
		problem(this.http.get("/internal/users/by-login?login=nobody-" + Ids.random()), 404);
		problem(this.http.get("/internal/users/" + Ids.random()), 404);
		problem(this.http.get("/internal/users/" + Ids.random() + "/avatar"), 404);
		problem(this.http.get("/internal/users/by-login"), 400);
	}

	@Test
	void anAvatarComesBackWithItsContentType() {
		String id = Ids.random();
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', 0, 1 };
		this.users.upsertAvatars(List
			.of(new AvatarUploaded(Ids.random(), T0, id, "image/png", 1, Base64.getEncoder().encodeToString(png))));
		ResponseEntity<byte[]> avatar = this.http.getBytes("/internal/users/" + id + "/avatar");
		assertThat(avatar.getStatusCode().value()).isEqualTo(200);
		assertThat(avatar.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_PNG);
		assertThat(avatar.getBody()).containsExactly(png);
	}

	@Test
	void aDirectChatIsFoundFromEitherSideAndAChatCarriesItsMembersAndLastSeq() {
		String alice = Ids.random();
		String bob = Ids.random();
		String chatId = Ids.random();
		this.chats.upsertChats(List.of(new ChatSnapshot(chatId, "direct", null, StoredChats.directKey(alice, bob), T0,
				List.of(alice, bob), 0)));
		this.messages.upsert(List.of(message(chatId, 1), message(chatId, 2)));
		assertThat(body(this.http.get("/internal/direct-chats?userA=" + bob + "&userB=" + alice), 200).get("chatId")
			.asString()).isEqualTo(chatId);
		assertThat(body(this.http.get("/internal/direct-chats?userA=" + alice + "&userB=" + bob), 200).get("chatId")
			.asString()).isEqualTo(chatId);
		problem(this.http.get("/internal/direct-chats?userA=" + alice + "&userB=" + Ids.random()), 404);
		JsonNode chat = body(this.http.get("/internal/chats/" + chatId), 200);
		assertThat(chat.get("id").asString()).isEqualTo(chatId);
		assertThat(chat.get("type").asString()).isEqualTo("direct");
		assertThat(chat.get("name").isNull()).isTrue();
		assertThat(chat.get("lastSeq").asLong()).isEqualTo(2);
		assertThat(chat.get("createdAt").asString()).isEqualTo("2026-11-25T10:00:00.123456Z");
		List<String> members = new ArrayList<>();
		chat.get("memberIds").forEach((member) -> members.add(member.asString()));
		assertThat(members).containsExactlyInAnyOrder(alice, bob);
		problem(this.http.get("/internal/chats/" + Ids.random()), 404);
	}

	@Test
	void historyPagesAreOldestFirstAndBoundedByTheirSeqs() {
		String chatId = Ids.random();
		this.chats
			.upsertChats(List.of(new ChatSnapshot(chatId, "group", "History", null, T0, List.of(Ids.random()), 0)));
		this.messages.upsert(LongStream.rangeClosed(1, 120).mapToObj((seq) -> message(chatId, seq)).toList());
		String base = "/internal/chats/" + chatId + "/messages";
		assertThat(seqs(this.http.get(base))).isEqualTo(range(71, 120));
		assertThat(seqs(this.http.get(base + "?beforeSeq=30&limit=10"))).isEqualTo(range(20, 29));
		assertThat(seqs(this.http.get(base + "?beforeSeq=5&limit=10"))).isEqualTo(range(1, 4));
		assertThat(seqs(this.http.get(base + "?afterSeq=100&limit=5"))).isEqualTo(range(101, 105));
		assertThat(seqs(this.http.get(base + "?afterSeq=118"))).isEqualTo(range(119, 120));
		assertThat(seqs(this.http.get(base + "?afterSeq=10&beforeSeq=15"))).isEqualTo(range(11, 14));
		assertThat(seqs(this.http.get(base + "?afterSeq=0&limit=1000"))).isEqualTo(range(1, 120));
		assertThat(seqs(this.http.get(base + "?afterSeq=120"))).isEmpty();
		JsonNode first = body(this.http.get(base + "?afterSeq=0&limit=1"), 200).get(0);
		assertThat(first.get("id").asString()).isEqualTo(chatId + "-1");
		assertThat(first.get("chatId").asString()).isEqualTo(chatId);
		assertThat(first.get("senderId").asString()).isEqualTo("sender");
		assertThat(first.get("text").asString()).isEqualTo("text 1");
		assertThat(first.get("sentAt").asString()).isEqualTo("2026-11-25T10:00:01.123456Z");
		assertThat(first.get("deleted").asBoolean()).isFalse();
		assertThat(first.get("editedAt").isNull()).isTrue();
		assertThat(first.get("replyTo").isNull()).isTrue();
		assertThat(first.get("reactions").isArray()).isTrue();
		assertThat(first.get("reactions")).isEmpty();
		assertThat(first.get("mentions").isArray()).isTrue();
		assertThat(first.get("mentions")).isEmpty();
		assertThat(first.get("attachments").isArray()).isTrue();
		assertThat(first.get("attachments")).isEmpty();
		assertThat(first.get("system").isNull()).isTrue();
		assertThat(first.properties()).hasSize(13);
	}

	@Test
	void badPagingParametersAre400ProblemsAndAnUnknownChatIs404() {
		String base = "/internal/chats/" + Ids.random() + "/messages";
		problem(this.http.get(base), 404);
		problem(this.http.get(base + "?limit=1001"), 400);
		problem(this.http.get(base + "?limit=0"), 400);
		problem(this.http.get(base + "?limit=ten"), 400);
		problem(this.http.get(base + "?beforeSeq=-1"), 400);
		problem(this.http.post(base), 405);
		problem(this.http.get("/internal/nothing-here"), 404);
	}

	private StoredMessage message(String chatId, long seq) {
		return new StoredMessage(chatId + "-" + seq, chatId, seq, "sender", "text " + seq, T0.plusSeconds(seq), false,
				null, 0);
	}

	private List<Long> seqs(ResponseEntity<String> response) {
		List<Long> seqs = new ArrayList<>();
		body(response, 200).forEach((message) -> seqs.add(message.get("seq").asLong()));
		return seqs;
	}

	private static List<Long> range(long from, long to) {
		return LongStream.rangeClosed(from, to).boxed().toList();
	}

	private JsonNode body(ResponseEntity<String> response, int status) {
		assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
		return this.json.readTree(response.getBody());
	}

	private void problem(ResponseEntity<String> response, int status) {
		JsonNode problem = body(response, status);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.has("title")).isTrue();
		assertThat(problem.has("detail")).isTrue();
		assertThat(response.getBody()).doesNotContain("Exception", "SQL");
	}

}
