package dev.carrier.chat.messages;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.carrier.chat.RedisKeys;
import dev.carrier.chat.cache.ChatEviction;
import dev.carrier.chat.support.IntegrationTestSupport;
import dev.carrier.chat.support.StubAuthService.User;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryPagingIntegrationTests extends IntegrationTestSupport {

	private static final int MESSAGES = 10_000;

	@Autowired
	MessageService messages;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	ChatEviction eviction;

	@Test
	void pagingBackFromTheNewestReturnsTenThousandMessagesOnceInOrder() throws Exception {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		String chatId = createChat(alice, null, bob).path("id").asString();
		// Sent in process, several at a time (the same code path as POST .../messages);
		// what
		// MySQL would hold is fed to the stub persistence-service as the sends return,
		// and reported
		// stored, so the Redis list may drop what is older than its bound.
		StoredPrefix stored = new StoredPrefix();
		try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
			List<Future<?>> sends = new ArrayList<>();
			for (int i = 0; i < MESSAGES; i++) {
				User sender = (i % 2 == 0) ? alice : bob;
				String text = "message " + i;
				sends.add(pool.submit(() -> {
					Message sent = this.messages.send(chatId, sender.id(),
							new SendMessageRequest(text, UUID.randomUUID().toString()));
					PERSISTENCE.store(JSON.convertValue(sent, new TypeReference<Map<String, Object>>() {
					}));
					// as persistence-service reports it: the chat is stored up to the
					// first gap
					this.eviction.recordStored(chatId, stored.add(sent.seq()));
				}));
			}
			for (Future<?> send : sends) {
				send.get();
			}
		}
		assertThat(this.redis.opsForList().size(RedisKeys.messages(chatId))).isEqualTo(1000);
		int historyCallsBefore = PERSISTENCE.historyCalls.get();

		List<Long> seen = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		JsonNode page = get("/api/chats/" + chatId + "/messages?limit=200", bob.id()).json();
		while (!page.isEmpty()) {
			List<Long> pageSeqs = seqs(page);
			seen.addAll(0, pageSeqs);
			page.forEach(message -> ids.add(message.path("id").asString()));
			page = get("/api/chats/" + chatId + "/messages?limit=200&beforeSeq=" + pageSeqs.get(0), bob.id()).json();
		}

		assertThat(seen).hasSize(MESSAGES);
		assertThat(ids).hasSize(MESSAGES);
		for (int i = 0; i < MESSAGES; i++) {
			assertThat(seen.get(i)).isEqualTo(i + 1L);
		}
		assertThat(PERSISTENCE.historyCalls.get()).isGreaterThan(historyCallsBefore);
	}

	/** The highest seq up to which every seq is stored. */
	private static final class StoredPrefix {

		private final Set<Long> pending = new HashSet<>();

		private long prefix;

		synchronized long add(long seq) {
			this.pending.add(seq);
			while (this.pending.remove(this.prefix + 1)) {
				this.prefix++;
			}
			return this.prefix;
		}

	}

}
