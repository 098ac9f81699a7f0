package dev.carrier.persistence.hydration;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import dev.carrier.persistence.CarrierProperties;
import dev.carrier.persistence.web.NotFound;

import org.springframework.stereotype.Service;

/**
 * Loads chats from MySQL into chat-service's Redis keys: every chat of a user at login, or one
 * chat on a cache miss. A chat whose hash is already in Redis is left alone: Redis is newer.
 */
@Service
public class HydrationService {

	private static final int CHUNK = 200;

	private final MessageConsumerCatchUp catchUp;

	private final HydrationLoader loader;

	private final ChatCacheWriter cache;

	private final int recentMessages;

	private final MeterRegistry registry;

	HydrationService(MessageConsumerCatchUp catchUp, HydrationLoader loader, ChatCacheWriter cache,
			CarrierProperties properties, MeterRegistry registry) {
		this.catchUp = catchUp;
		this.loader = loader;
		this.cache = cache;
		this.recentMessages = properties.hydration().recentMessages();
		this.registry = registry;
	}

	public HydrationResult hydrateUser(String userId) {
		return timed("user", () -> hydrate(this.loader.chatIdsOf(userId)));
	}

	public HydrationResult hydrateChat(String chatId) {
		if (!this.loader.chatExists(chatId)) {
			throw new NotFound("No chat " + chatId);
		}
		return timed("chat", () -> hydrate(List.of(chatId)));
	}

	private HydrationResult hydrate(List<String> chatIds) {
		long started = System.nanoTime();
		if (chatIds.isEmpty()) {
			return new HydrationResult(0, 0, 0);
		}
		// before reading MySQL: the consumer must hold everything Kafka acknowledged
		this.catchUp.await();
		int chats = 0;
		int messages = 0;
		List<String> missing = this.cache.notCached(chatIds);
		for (int from = 0; from < missing.size(); from += CHUNK) {
			List<HydratedChat> loaded = this.loader.load(missing.subList(from, Math.min(missing.size(), from + CHUNK)),
					this.recentMessages);
			this.cache.write(loaded);
			chats += loaded.size();
			messages += loaded.stream().mapToInt((chat) -> chat.recentMessages().size()).sum();
		}
		return new HydrationResult(chats, messages, (System.nanoTime() - started) / 1_000_000);
	}

	private HydrationResult timed(String scope, java.util.function.Supplier<HydrationResult> hydration) {
		return Timer.builder("carrier.persistence.hydration")
			.description("Time to load chats from MySQL into Redis")
			.tag("scope", scope)
			.register(this.registry)
			.record(hydration);
	}

}
