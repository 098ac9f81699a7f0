package dev.carrier.persistence.flush;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.carrier.persistence.CarrierProperties;
import dev.carrier.persistence.RedisKeys.ChatHash;
import dev.carrier.persistence.chats.ChatSnapshot;
import dev.carrier.persistence.chats.ChatStore;
import dev.carrier.persistence.messages.MessageStore;
import dev.carrier.persistence.messages.StoredMessage;
import dev.carrier.persistence.reads.ReadPositionStore;
import dev.carrier.persistence.reads.ReadPositionStore.ReadPosition;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes an expired chat back to MySQL and evicts it from Redis: never before MySQL holds every
 * message up to the chat's last seq, and never when the chat has woken up (its lease is back).
 * Running twice for the same chat is harmless: the second run finds nothing cached.
 */
@Service
public class FlushService {

	private static final Logger log = LoggerFactory.getLogger(FlushService.class);

	private static final long FIRST_WAIT_MS = 50;

	private static final long MAX_WAIT_MS = 1000;

	private final ChatCacheReader cache;

	private final ChatStore chats;

	private final MessageStore messages;

	private final ReadPositionStore reads;

	private final TransactionTemplate transaction;

	private final Duration inFlightWait;

	private final Counter flushedChats;

	private final Counter flushedMessages;

	private final Counter evictions;

	private final Counter skippedEvictions;

	FlushService(ChatCacheReader cache, ChatStore chats, MessageStore messages, ReadPositionStore reads,
			TransactionTemplate transaction, CarrierProperties properties, MeterRegistry registry) {
		this.cache = cache;
		this.chats = chats;
		this.messages = messages;
		this.reads = reads;
		this.transaction = transaction;
		this.inFlightWait = properties.flush().inFlightWait();
		this.flushedChats = registry.counter("carrier.persistence.flush.chats");
		this.flushedMessages = registry.counter("carrier.persistence.flush.messages");
		this.evictions = registry.counter("carrier.persistence.evictions");
		this.skippedEvictions = registry.counter("carrier.persistence.evictions.skipped");
	}

	public FlushOutcome flushChat(String chatId) {
		if (this.cache.leased(chatId)) {
			return skipped(chatId);
		}
		CachedChat chat = this.cache.read(chatId);
		if (chat == null) {
			return FlushOutcome.NOT_CACHED;
		}
		this.transaction.executeWithoutResult((status) -> store(chat));
		this.flushedChats.increment();
		this.flushedMessages.increment(chat.messages().size());
		if (!awaitEveryMessage(chat)) {
			return skipped(chatId);
		}
		if (!this.cache.evictIfNoLease(chatId)) {
			return skipped(chatId);
		}
		this.evictions.increment();
		log.debug("Chat {} flushed and evicted", chatId);
		return FlushOutcome.EVICTED;
	}

	private FlushOutcome skipped(String chatId) {
		this.skippedEvictions.increment();
		log.debug("Chat {} has a lease again; not evicted", chatId);
		return FlushOutcome.LEASED;
	}

	/** Upserts what Redis holds: Redis is the newest state of a cached chat. */
	private void store(CachedChat chat) {
		ChatSnapshot snapshot = snapshot(chat);
		if (snapshot != null) {
			this.chats.upsertChats(List.of(snapshot));
		}
		this.messages.upsert(chat.messages().stream().map(StoredMessage::of).toList());
		this.reads.upsert(chat.readPositions()
			.entrySet()
			.stream()
			.map((read) -> new ReadPosition(chat.id(), read.getKey(), read.getValue()))
			.toList());
	}

	/**
	 * Waits, with growing pauses, until MySQL holds seqs 1..lastSeq: those older than the Redis list
	 * or not yet in it arrive through the message-sent consumer.
	 * @return false when the chat woke up meanwhile
	 * @throws FlushIncomplete when the bound passed first
	 */
	private boolean awaitEveryMessage(CachedChat chat) {
		long deadline = System.nanoTime() + this.inFlightWait.toNanos();
		long pause = FIRST_WAIT_MS;
		while (true) {
			long stored = this.messages.countUpTo(chat.id(), chat.lastSeq());
			if (stored >= chat.lastSeq()) {
				return true;
			}
			if (this.cache.leased(chat.id())) {
				return false;
			}
			if (System.nanoTime() > deadline) {
				throw new FlushIncomplete(chat.id(), stored, chat.lastSeq());
			}
			try {
				Thread.sleep(pause);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new FlushIncomplete(chat.id(), stored, chat.lastSeq());
			}
			pause = Math.min(MAX_WAIT_MS, pause * 2);
		}
	}

	/** The chat row as the hash describes it, or null when the hash lacks what the row needs. */
	private static ChatSnapshot snapshot(CachedChat chat) {
		Map<String, String> hash = chat.hash();
		String type = hash.get(ChatHash.TYPE);
		Instant createdAt = instant(hash.get(ChatHash.CREATED_AT));
		if (type == null || createdAt == null) {
			log.warn("Chat {} is cached without type or createdAt; its row is left as it is", chat.id());
			return null;
		}
		String directKey = ("direct".equals(type) && chat.memberIds().size() == 2)
				? ChatStore.directKey(chat.memberIds().get(0), chat.memberIds().get(1)) : null;
		String name = hash.get(ChatHash.NAME);
		return new ChatSnapshot(chat.id(), type, (name == null || name.isEmpty()) ? null : name, directKey, createdAt,
				chat.memberIds(), chat.lastSeq());
	}

	/** chat-service writes ISO-8601; epoch milliseconds are read too. */
	private static Instant instant(String value) {
		if (value == null || value.isEmpty()) {
			return null;
		}
		if (value.chars().allMatch(Character::isDigit)) {
			return Instant.ofEpochMilli(Long.parseLong(value));
		}
		return Instant.parse(value);
	}

}
