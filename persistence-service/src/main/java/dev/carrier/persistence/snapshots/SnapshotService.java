package dev.carrier.persistence.snapshots;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import dev.carrier.persistence.CarrierProperties;
import dev.carrier.persistence.chats.ChatNotFound;

import org.springframework.stereotype.Service;

/**
 * What chat-service may install into its cache, always after {@link ConsumerBarrier}
 * proved that MySQL holds every event Kafka acknowledged when the request came in.
 */
@Service
public class SnapshotService {

	private static final int CHUNK = 200;

	private final ConsumerBarrier barrier;

	private final SnapshotLoader loader;

	private final CarrierProperties.Snapshots settings;

	private final MeterRegistry registry;

	SnapshotService(ConsumerBarrier barrier, SnapshotLoader loader, CarrierProperties properties,
			MeterRegistry registry) {
		this.barrier = barrier;
		this.loader = loader;
		this.settings = properties.snapshots();
		this.registry = registry;
	}

	/**
	 * Every chat the user is a member of, as the durable record says once it is current.
	 */
	public List<String> chatIdsOf(String userId) {
		this.barrier.await();
		return this.loader.chatIdsOf(userId);
	}

	/**
	 * @throws ChatNotFound unless the chat exists and the user is one of its members
	 */
	public void requireMember(String chatId, String userId) {
		this.barrier.await();
		if (!this.loader.isMember(chatId, userId)) {
			throw ChatNotFound.withId(chatId);
		}
	}

	/** Snapshots of those of the chats MySQL knows, each with a new generation. */
	public List<CacheSnapshot> snapshots(List<String> chatIds) {
		return timed(() -> {
			if (chatIds.isEmpty()) {
				return List.of();
			}
			this.barrier.await();
			List<CacheSnapshot> snapshots = new ArrayList<>();
			for (int from = 0; from < chatIds.size(); from += CHUNK) {
				snapshots.addAll(this.loader.load(chatIds.subList(from, Math.min(chatIds.size(), from + CHUNK)),
						this.settings.recentMessages(), this.settings.clientIdWindow()));
			}
			return snapshots;
		});
	}

	private List<CacheSnapshot> timed(Supplier<List<CacheSnapshot>> load) {
		return Timer.builder("carrier.persistence.snapshots")
			.description("Time to prove the consumers current and read chats for chat-service's cache")
			.register(this.registry)
			.record(load);
	}

}
