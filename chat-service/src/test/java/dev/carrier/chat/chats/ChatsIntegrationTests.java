package dev.carrier.chat.chats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import dev.carrier.chat.RedisKeys;
import dev.carrier.chat.support.CachedChats;
import dev.carrier.chat.support.IntegrationTestSupport;
import dev.carrier.chat.support.StubPersistenceService.DurableChat;
import dev.carrier.chat.support.StubAuthService.User;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class ChatsIntegrationTests extends IntegrationTestSupport {

	@Autowired
	StringRedisTemplate redis;

	@Test
	void directChatIsCreatedOncePerPairWhateverTheOrder() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		JsonNode chat = createChat(alice, null, bob);
		assertThat(chat.path("type").asString()).isEqualTo("direct");
		assertThat(chat.path("members")).hasSize(2);

		Reply again = post("/api/chats", alice.id(), Map.of("members", List.of(bob.email())));
		Reply reversed = post("/api/chats", bob.id(), Map.of("members", List.of(alice.username())));

		assertThat(again.status()).isEqualTo(409);
		assertThat(again.contentType()).startsWith("application/problem+json");
		assertThat(again.json().path("chat").path("id").asString()).isEqualTo(chat.path("id").asString());
		assertThat(reversed.status()).isEqualTo(409);
		assertThat(reversed.json().path("chat").path("id").asString()).isEqualTo(chat.path("id").asString());
	}

	@Test
	void concurrentDirectCreatesMakeOneChat() throws Exception {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		List<Callable<Reply>> calls = List.of(() -> {
			start.await();
			return post("/api/chats", alice.id(), Map.of("members", List.of(bob.username())));
		}, () -> {
			start.await();
			return post("/api/chats", bob.id(), Map.of("members", List.of(alice.username())));
		});
		List<Future<Reply>> futures = new ArrayList<>();
		calls.forEach(call -> futures.add(pool.submit(call)));
		start.countDown();
		List<Reply> replies = new ArrayList<>();
		for (Future<Reply> future : futures) {
			replies.add(future.get());
		}
		pool.shutdown();

		assertThat(replies).extracting(Reply::status).containsExactlyInAnyOrder(201, 409);
		Set<String> ids = replies.stream()
			.map(reply -> reply.json().path("chat").path("id").asString())
			.collect(Collectors.toSet());
		assertThat(ids).hasSize(1);
		assertThat(this.redis.opsForValue().get(RedisKeys.direct(alice.id(), bob.id())))
			.isEqualTo(ids.iterator().next());
	}

	@Test
	void directChatKnownOnlyToMysqlIsNotCreatedAgain() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		String durableId = UUID.randomUUID().toString();
		PERSISTENCE.directChat(RedisKeys.directKey(alice.id(), bob.id()), durableId);
		PERSISTENCE.putChat(new DurableChat(durableId, "direct", null, RedisKeys.directKey(alice.id(), bob.id()),
				"2026-11-01T10:00:00Z", 0, List.of(alice.id(), bob.id()), List.of(), Map.of(), Map.of(), 0));

		Reply reply = post("/api/chats", alice.id(), Map.of("members", List.of(bob.username())));

		assertThat(reply.status()).isEqualTo(409);
		assertThat(reply.json().path("chat").path("id").asString()).isEqualTo(durableId);
		assertThat(this.redis.opsForValue().get(RedisKeys.direct(alice.id(), bob.id()))).isEqualTo(durableId);
	}

	@Test
	void groupOfThreeWithAName() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		User carol = AUTH.newUser("carol");

		JsonNode chat = createChat(alice, "Team", bob, carol);

		assertThat(chat.path("type").asString()).isEqualTo("group");
		assertThat(chat.path("name").asString()).isEqualTo("Team");
		assertThat(chat.path("members").findValuesAsString("username")).containsExactlyInAnyOrder(alice.username(),
				bob.username(), carol.username());
		assertThat(get("/api/chats/" + chat.path("id").asString(), carol.id()).status()).isEqualTo(200);
	}

	@Test
	void groupRulesAreEnforced() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		User carol = AUTH.newUser("carol");

		Reply noName = post("/api/chats", alice.id(), Map.of("members", List.of(bob.username(), carol.username())));
		Reply longName = post("/api/chats", alice.id(),
				Map.of("members", List.of(bob.username(), carol.username()), "name", "x".repeat(65)));
		Reply unknown = post("/api/chats", alice.id(),
				Map.of("members", List.of(bob.username(), "nobody_" + UUID.randomUUID().toString().substring(0, 8))));
		Reply onlyMe = post("/api/chats", alice.id(), Map.of("members", List.of(alice.username())));

		assertThat(noName.status()).isEqualTo(400);
		assertThat(longName.status()).isEqualTo(400);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.json().path("detail").asString()).contains("nobody_");
		assertThat(onlyMe.status()).isEqualTo(400);
	}

	@Test
	void membersAreAddedToGroupsAndMayLeaveThem() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		User carol = AUTH.newUser("carol");
		User dave = AUTH.newUser("dave");
		String chatId = createChat(alice, "Team", bob, carol).path("id").asString();

		Reply added = post("/api/chats/" + chatId + "/members", bob.id(), Map.of("members", List.of(dave.email())));
		assertThat(added.status()).isEqualTo(200);
		assertThat(added.json().path("chat").path("members")).hasSize(4);
		assertThat(get("/api/chats/" + chatId, dave.id()).status()).isEqualTo(200);

		assertThat(delete("/api/chats/" + chatId + "/members/me", dave.id()).status()).isEqualTo(204);
		assertThat(get("/api/chats/" + chatId, dave.id()).status()).isEqualTo(404);
		assertThat(get("/api/chats", dave.id()).json()).isEmpty();
	}

	@Test
	void directChatsCannotBeLeftOrGrown() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		User carol = AUTH.newUser("carol");
		String chatId = createChat(alice, null, bob).path("id").asString();

		assertThat(delete("/api/chats/" + chatId + "/members/me", alice.id()).status()).isEqualTo(400);
		assertThat(post("/api/chats/" + chatId + "/members", alice.id(), Map.of("members", List.of(carol.username())))
			.status()).isEqualTo(400);
	}

	@Test
	void strangerGets404ForEveryChatCall() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		User stranger = AUTH.newUser("eve");
		String chatId = createChat(alice, null, bob).path("id").asString();
		String messageId = send(chatId, alice, "secret").path("id").asString();
		String base = "/api/chats/" + chatId;

		List<Reply> replies = List.of(get(base, stranger.id()), get(base + "/messages", stranger.id()),
				post(base + "/messages", stranger.id(), Map.of("text", "hi", "clientMessageId", "c1")),
				delete(base + "/messages/" + messageId, stranger.id()),
				get(base + "/export?format=json", stranger.id()), post(base + "/read", stranger.id(), Map.of("seq", 1)),
				post(base + "/members", stranger.id(), Map.of("members", List.of(stranger.username()))),
				delete(base + "/members/me", stranger.id()));
		Reply missing = get("/api/chats/" + UUID.randomUUID(), stranger.id());

		for (Reply reply : replies) {
			assertThat(reply.status()).isEqualTo(404);
			assertThat(reply.json().path("detail").asString()).isEqualTo(missing.json().path("detail").asString());
		}
		assertThat(get("/api/chats", stranger.id()).json()).isEmpty();
	}

	@Test
	void callsWithoutTheGatewaysHeaderAre401() {
		Reply reply = get("/api/chats", null);

		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.contentType()).startsWith("application/problem+json");
	}

	@Test
	void chatListShowsLastMessageAndUnreadMostRecentFirst() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		User carol = AUTH.newUser("carol");
		String older = createChat(alice, null, bob).path("id").asString();
		String newer = createChat(alice, null, carol).path("id").asString();
		send(newer, carol, "one");
		send(older, bob, "two");
		send(older, bob, "three");

		JsonNode list = get("/api/chats", alice.id()).json();

		assertThat(list).hasSize(2);
		assertThat(list.get(0).path("chat").path("id").asString()).isEqualTo(older);
		assertThat(list.get(0).path("lastMessage").path("text").asString()).isEqualTo("three");
		assertThat(list.get(0).path("unread").asLong()).isEqualTo(2);
		assertThat(list.get(1).path("unread").asLong()).isEqualTo(1);

		assertThat(post("/api/chats/" + older + "/read", alice.id(), Map.of("seq", 2)).status()).isEqualTo(204);
		assertThat(get("/api/chats", alice.id()).json().get(0).path("unread").asLong()).isEqualTo(0);
	}

	@Test
	void userWithNothingCachedGetsTheirChatsReloadedAtListTime() {
		User loner = AUTH.newUser("loner");
		User bob = AUTH.newUser("bob");
		User carol = AUTH.newUser("carol");
		String direct = createChat(loner, null, bob).path("id").asString();
		send(direct, bob, "still here?");
		String group = createChat(carol, "Book club", loner, bob).path("id").asString();
		PERSISTENCE.putChat(CachedChats.durableCopy(this.redis, direct));
		PERSISTENCE.putChat(CachedChats.durableCopy(this.redis, group));
		CachedChats.lose(this.redis, direct);
		CachedChats.lose(this.redis, group);
		this.redis.delete(RedisKeys.userChats(loner.id()));
		int before = PERSISTENCE.chatIdCalls(loner.id());

		Reply reply = get("/api/chats", loner.id());
		Reply again = get("/api/chats", loner.id());

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().findValuesAsString("id")).contains(direct, group);
		assertThat(reply.json()).hasSize(2);
		JsonNode directSummary = reply.json()
			.valueStream()
			.filter(summary -> summary.path("chat").path("id").asString().equals(direct))
			.findFirst()
			.orElseThrow();
		assertThat(directSummary.path("lastMessage").path("text").asString()).isEqualTo("still here?");
		assertThat(directSummary.path("unread").asLong()).isEqualTo(1);
		assertThat(again.json()).hasSize(2);
		assertThat(PERSISTENCE.chatIdCalls(loner.id())).isEqualTo(before + 1);
	}

	@Test
	void userWithoutAnyChatAsksPersistenceAndGetsAnEmptyList() {
		User nobody = AUTH.newUser("nobody");

		Reply reply = get("/api/chats", nobody.id());

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json()).isEmpty();
		assertThat(PERSISTENCE.chatIdCalls(nobody.id())).isEqualTo(1);
	}

	@Test
	void evictedChatIsReadThroughFromPersistence() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		JsonNode chat = createChat(alice, null, bob);
		String chatId = chat.path("id").asString();
		PERSISTENCE.putChat(CachedChats.durableCopy(this.redis, chatId));
		CachedChats.lose(this.redis, chatId);

		Reply reply = get("/api/chats/" + chatId, bob.id());

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().path("chat").path("id").asString()).isEqualTo(chatId);
		assertThat(reply.json().path("chat").path("members").findValuesAsString("id"))
			.containsExactlyInAnyOrder(alice.id(), bob.id());
	}

	@Test
	void authDownGives503Problem() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		AUTH.setDown(true);
		try {
			Reply reply = post("/api/chats", alice.id(), Map.of("members", List.of(bob.username())));

			assertThat(reply.status()).isEqualTo(503);
			assertThat(reply.contentType()).startsWith("application/problem+json");
			assertThat(reply.json().path("detail").asString()).contains("auth-service");
		}
		finally {
			AUTH.setDown(false);
		}
	}

	@Test
	void openApiDocumentsThePublicAndTheInternalEndpointsApart() {
		Reply published = get("/v3/api-docs/public", null);
		Reply internal = get("/v3/api-docs/internal", null);

		assertThat(published.status()).isEqualTo(200);
		assertThat(published.json().path("paths").propertyNames())
			.contains("/api/chats", "/api/chats/{chatId}/messages", "/api/chats/{chatId}/read")
			.noneMatch(path -> path.startsWith("/internal"));
		assertThat(internal.json().path("paths").propertyNames())
			.contains("/internal/users/{userId}/logged-out", "/internal/users/{userId}/logged-in")
			.allMatch(path -> path.startsWith("/internal"));
	}

	@Test
	void unknownPathsAndMethodsAreProblems() {
		Reply unknown = get("/api/nothing-here", AUTH.newUser("x").id());
		Reply method = call("PATCH", "/api/chats", AUTH.newUser("y").id(), "{}");

		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.contentType()).startsWith("application/problem+json");
		assertThat(method.status()).isEqualTo(405);
		assertThat(method.contentType()).startsWith("application/problem+json");
	}

}
