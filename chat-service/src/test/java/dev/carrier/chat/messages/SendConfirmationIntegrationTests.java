package dev.carrier.chat.messages;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.carrier.chat.CarrierProperties;
import dev.carrier.chat.RedisKeys;
import dev.carrier.chat.RedisScripts;
import dev.carrier.chat.cache.ChatEviction;
import dev.carrier.chat.events.EventPublisher;
import dev.carrier.chat.events.Topics;
import dev.carrier.chat.realtime.Fanout;
import dev.carrier.chat.support.CachedChats;
import dev.carrier.chat.support.IntegrationTestSupport;
import dev.carrier.chat.support.StubAuthService.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A send is appended pending, published to Kafka, then confirmed (send-message.lua,
 * confirm-message.lua): nobody sees it before, a confirmation by another incarnation of
 * the chat fails the send with a 503, and the bounded list never drops what MySQL does
 * not hold yet. The bound is 5 here, so the last is visible with a handful of sends.
 */
@TestPropertySource(properties = "carrier.chat.message-bound=5")
class SendConfirmationIntegrationTests extends IntegrationTestSupport {

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	ApplicationContext context;

	@Autowired
	MessageStore store;

	@Autowired
	Fanout fanout;

	@Autowired
	ChatEviction eviction;

	@Autowired
	HookedPublisher publisher;

	@Autowired
	RedisMessageListenerContainer listeners;

	private final List<String> fannedOut = new CopyOnWriteArrayList<>();

	private final MessageListener fanoutProbe = (message, pattern) -> this.fannedOut
		.add(new String(message.getBody(), StandardCharsets.UTF_8));

	@BeforeEach
	void listenToTheFanout() {
		this.listeners.addMessageListener(this.fanoutProbe, new ChannelTopic(RedisKeys.EVENTS_CHANNEL));
	}

	@AfterEach
	void stopListening() {
		this.listeners.removeMessageListener(this.fanoutProbe);
	}

	@Test
	void aPendingEntryIsInvisibleAndOnlyItsOwnGenerationConfirmsIt() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		String chatId = createChat(alice, null, bob).path("id").asString();
		List<String> members = List.of(alice.id(), bob.id());

		MessageStore.Appended appended = this.store.append(chatId, alice.id(), "c-1", MessageContent.of("not yet"),
				Instant.now().truncatedTo(ChronoUnit.MILLIS));

		assertThat(appended.outcome()).isEqualTo(MessageStore.Outcome.CREATED);
		assertThat(appended.generation()).isEqualTo("0");
		assertThat(this.redis.opsForList().index(RedisKeys.messages(chatId), 0)).contains("\"pending\":true");
		assertInvisible(chatId, bob);

		String envelope = this.fanout.envelope(members, new MessagePush.Created(appended.message()));
		String stale = this.redis.execute(RedisScripts.CONFIRM_MESSAGE,
				List.of(RedisKeys.chat(chatId), RedisKeys.messages(chatId)), appended.message().id(), "1", "7",
				RedisKeys.EVENTS_CHANNEL, envelope);

		assertThat(stale).isEqualTo("stale");
		assertThat(this.redis.opsForList().index(RedisKeys.messages(chatId), 0)).contains("\"pending\":true");
		assertInvisible(chatId, bob);

		assertThat(this.store.confirm(appended.message(), appended.generation(), envelope)).isTrue();

		assertThat(this.redis.opsForList().index(RedisKeys.messages(chatId), 0)).doesNotContain("pending");
		JsonNode page = get("/api/chats/" + chatId + "/messages", bob.id()).json();
		assertThat(page.findValuesAsString("id")).containsExactly(appended.message().id());
		assertThat(summary(chatId, bob).path("lastMessage").path("text").asString()).isEqualTo("not yet");
	}

	@Test
	void aSendWhoseChatWasReloadedBeforeItsConfirmationIs503AndFansNothingOut() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		String chatId = createChat(alice, null, bob).path("id").asString();
		Map<String, String> body = Map.of("text", "caught in a reload", "clientMessageId", "c-reload");
		// between the append and the confirmation, another incarnation of the chat
		// replaces this one
		this.publisher.beforeMessageSent(chatId,
				() -> this.redis.opsForHash().put(RedisKeys.chat(chatId), "generation", "999"));

		Reply first = post("/api/chats/" + chatId + "/messages", alice.id(), body);

		assertThat(first.status()).isEqualTo(503);
		assertThat(first.raw().headers().firstValue("Retry-After")).isPresent();
		assertThat(first.json().path("detail").asString()).contains("clientMessageId");
		assertInvisible(chatId, bob);

		Reply retry = post("/api/chats/" + chatId + "/messages", alice.id(), body);

		assertThat(retry.status()).isEqualTo(201);
		JsonNode message = retry.json().path("message");
		assertThat(message.path("seq").asLong()).isEqualTo(1);
		assertThat(seqs(get("/api/chats/" + chatId + "/messages", bob.id()).json())).containsExactly(1L);
		// the retry's confirmation is the only push of the message: the stale attempt
		// pushed nothing
		await().atMost(Duration.ofSeconds(10)).until(() -> pushesOf(message.path("id").asString()) >= 1);
		await().pollDelay(Duration.ofMillis(300)).until(() -> true);
		assertThat(pushesOf(message.path("id").asString())).isEqualTo(1);
	}

	@Test
	void theBoundedListNeverDropsAnEntryAboveStoredSeq() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		String chatId = createChat(alice, null, bob).path("id").asString();
		List<String> members = List.of(alice.id(), bob.id());
		// sent without Kafka: only this test reports what MySQL holds (CacheOnlySends)
		for (int i = 1; i <= 10; i++) {
			CacheOnlySends.send(this.context, chatId, (i % 2 == 0) ? bob.id() : alice.id(), "m" + i);
		}

		assertThat(cachedSeqs(chatId)).as("nothing is stored yet: all of them stay")
			.containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);

		this.eviction.recordStored(chatId, 3);
		CacheOnlySends.send(this.context, chatId, alice.id(), "m11");

		assertThat(cachedSeqs(chatId)).as("only what MySQL holds leaves")
			.containsExactly(4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);

		this.eviction.recordStored(chatId, 11);
		CacheOnlySends.send(this.context, chatId, bob.id(), "m12");

		assertThat(cachedSeqs(chatId)).as("back to the bound").containsExactly(8L, 9L, 10L, 11L, 12L);
	}

	private void assertInvisible(String chatId, User reader) {
		assertThat(get("/api/chats/" + chatId + "/messages", reader.id()).json()).isEmpty();
		JsonNode summary = summary(chatId, reader);
		assertThat(summary.path("lastMessage").isMissingNode() || summary.path("lastMessage").isNull()).isTrue();
		assertThat(this.store.last(chatId)).isEmpty();
	}

	private JsonNode summary(String chatId, User user) {
		return get("/api/chats", user.id()).json()
			.valueStream()
			.filter(summary -> summary.path("chat").path("id").asString().equals(chatId))
			.findFirst()
			.orElseThrow();
	}

	private List<Long> cachedSeqs(String chatId) {
		List<Long> seqs = new ArrayList<>();
		for (String entry : this.redis.opsForList().range(RedisKeys.messages(chatId), 0, -1)) {
			seqs.add(JSON.readTree(entry).path("seq").asLong());
		}
		return seqs;
	}

	private long pushesOf(String messageId) {
		// an envelope's third line is the frame the members' sockets get
		return this.fannedOut.stream()
			.map(envelope -> JSON.readTree(envelope.substring(envelope.indexOf('\n', envelope.indexOf('\n') + 1) + 1)))
			.filter(frame -> frame.path("type").asString().equals("message.created"))
			.filter(frame -> frame.path("message").path("id").asString().equals(messageId))
			.count();
	}

	/** Runs a hook, once, just before a chat's message-sent event goes to Kafka. */
	static class HookedPublisher extends EventPublisher {

		private final Map<String, Runnable> hooks = new ConcurrentHashMap<>();

		HookedPublisher(KafkaTemplate<String, String> kafka, JsonMapper json, CarrierProperties properties) {
			super(kafka, json, properties);
		}

		void beforeMessageSent(String chatId, Runnable hook) {
			this.hooks.put(chatId, hook);
		}

		@Override
		public void publish(String topic, String key, Object event) {
			Runnable hook = Topics.MESSAGE_SENT.equals(topic) ? this.hooks.remove(key) : null;
			if (hook != null) {
				hook.run();
			}
			super.publish(topic, key, event);
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Hooks {

		@Bean
		@Primary
		HookedPublisher hookedPublisher(KafkaTemplate<String, String> kafka, JsonMapper json,
				CarrierProperties properties) {
			return new HookedPublisher(kafka, json, properties);
		}

	}

}
