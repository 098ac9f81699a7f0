package dev.carrier.chat.messages;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.carrier.chat.chats.ChatService;
import dev.carrier.chat.chats.StoredChat;
import dev.carrier.chat.events.EventPublisher;
import dev.carrier.chat.events.MessageDeleted;
import dev.carrier.chat.events.MessageSent;
import dev.carrier.chat.events.SentMessage;
import dev.carrier.chat.events.Topics;
import dev.carrier.chat.history.PersistenceClient;
import dev.carrier.chat.leases.LeaseService;
import dev.carrier.chat.realtime.Fanout;
import dev.carrier.chat.realtime.Push;
import dev.carrier.chat.web.BadRequest;
import dev.carrier.chat.web.Conflict;
import dev.carrier.chat.web.Ids;
import dev.carrier.chat.web.NotFound;
import dev.carrier.chat.web.ServiceUnavailable;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Service;

/**
 * Sending, paging, deleting and exporting messages. A send is answered only once the message
 * is in Redis and its event is acknowledged by Kafka; only then is it pushed to the members.
 */
@Service
public class MessageService {

	public static final int MAX_TEXT = 4000;

	public static final int MAX_PAGE = 200;

	private final ChatService chats;

	private final MessageStore store;

	private final PersistenceClient persistence;

	private final EventPublisher events;

	private final Fanout fanout;

	private final LeaseService leases;

	private final Counter sent;

	private final Counter retried;

	private final Timer sendTimer;

	private final Counter stale;

	public MessageService(ChatService chats, MessageStore store, PersistenceClient persistence, EventPublisher events,
			Fanout fanout, LeaseService leases, MeterRegistry meters) {
		this.chats = chats;
		this.store = store;
		this.persistence = persistence;
		this.events = events;
		this.fanout = fanout;
		this.leases = leases;
		this.sent = Counter.builder("carrier.chat.messages.sent").description("Messages stored and acknowledged")
			.register(meters);
		this.retried = Counter.builder("carrier.chat.messages.retried")
			.description("Sends answered with an existing message (same clientMessageId)")
			.register(meters);
		this.stale = Counter.builder("carrier.chat.messages.stale")
			.description("Sends answered 503 because the chat was reloaded while Kafka stored them")
			.register(meters);
		this.sendTimer = Timer.builder("carrier.chat.send").description("Time to store and publish a message")
			.register(meters);
	}

	public Message send(String chatId, String senderId, SendMessageRequest request) {
		String text = request.text().trim();
		if (text.isEmpty() || text.length() > MAX_TEXT) {
			throw new BadRequest("Message text must be 1 to " + MAX_TEXT + " characters after trimming");
		}
		String clientMessageId = request.clientMessageId().trim();
		if (clientMessageId.isEmpty() || clientMessageId.length() > 64) {
			throw new BadRequest("clientMessageId must be 1 to 64 characters");
		}
		return this.sendTimer.record(() -> store(chatId, senderId, clientMessageId, text));
	}

	private Message store(String chatId, String senderId, String clientMessageId, String text) {
		StoredChat chat = this.chats.requireMember(chatId, senderId);
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		MessageStore.Appended appended = this.store.append(chatId, chat.memberIds(), senderId, clientMessageId, text,
				now);
		if (appended.outcome() == MessageStore.Outcome.NO_CHAT) {
			// Evicted between the membership check and the append: load it back once.
			chat = this.chats.requireMember(chatId, senderId);
			appended = this.store.append(chatId, chat.memberIds(), senderId, clientMessageId, text, now);
		}
		switch (appended.outcome()) {
			case NO_CHAT, NOT_MEMBER -> throw NotFound.chat();
			case EXISTING_TRIMMED -> {
				// a retry of a message already durable and older than the list: answer it from MySQL
				this.retried.increment();
				String messageId = appended.messageId();
				return findOlder(chatId, messageId).orElseThrow(() -> new Conflict(
						"This clientMessageId belongs to an older message; use a new one for a new message",
						"messageId", messageId));
			}
			default -> {
			}
		}
		Message message = appended.message();
		// A retry republishes too: the first attempt may have stored the message and then failed
		// to reach Kafka. Consumers are idempotent by message id.
		this.events.publish(Topics.MESSAGE_SENT, chatId,
				new MessageSent(MessageSent.newEventId(), Instant.now(),
						new SentMessage(message.id(), chatId, message.seq(), senderId, message.text(), message.sentAt(),
								clientMessageId, Long.parseLong(appended.generation()))));
		// Visible, pushed and acknowledged only if the incarnation of the chat that gave the seq
		// is still the cached one: otherwise a reload may have handed the seq out again.
		if (!this.store.confirm(message, appended.generation(),
				this.fanout.envelope(chat.memberIds(), Push.messageCreated(message)))) {
			this.stale.increment();
			throw new ServiceUnavailable(
					"The chat was reloaded while this message was being stored; retry with the same clientMessageId");
		}
		if (appended.outcome() == MessageStore.Outcome.CREATED) {
			this.sent.increment();
		}
		else {
			this.retried.increment();
		}
		return message;
	}

	/** A page, oldest first: the newest, or below {@code beforeSeq}, or above {@code afterSeq}. */
	public List<Message> page(String chatId, String userId, Long beforeSeq, Long afterSeq, Integer limit) {
		int size = (limit != null) ? limit : 50;
		if (size < 1 || size > MAX_PAGE) {
			throw new BadRequest("limit must be 1 to " + MAX_PAGE);
		}
		if (beforeSeq != null && afterSeq != null) {
			throw new BadRequest("Give beforeSeq or afterSeq, not both");
		}
		if ((beforeSeq != null && beforeSeq < 1) || (afterSeq != null && afterSeq < 0)) {
			throw new BadRequest("beforeSeq must be at least 1 and afterSeq at least 0");
		}
		this.chats.requireMember(chatId, userId);
		this.leases.refresh(List.of(chatId));
		if (beforeSeq != null) {
			return read(chatId, "before", beforeSeq, size);
		}
		if (afterSeq != null) {
			return read(chatId, "after", afterSeq, size);
		}
		return read(chatId, "latest", 0, size);
	}

	/**
	 * Serves the part of the page the Redis list holds from Redis and the older part from
	 * persistence-service, so paging back is seamless.
	 */
	private List<Message> read(String chatId, String mode, long seq, int limit) {
		MessageStore.CachedPage page = this.store.page(chatId, mode, seq, limit);
		if (page.hi() < page.lo()) {
			return List.of();
		}
		List<Message> result = new ArrayList<>(limit);
		long olderHi = Math.min(page.hi(), page.firstCachedSeq() - 1);
		if (olderHi >= page.lo()) {
			result.addAll(this.persistence.messagesBefore(chatId, olderHi + 1, (int) (olderHi - page.lo() + 1)));
		}
		result.addAll(page.cached());
		return result;
	}

	/** Every message of the chat, oldest first, Redis and durable storage together. */
	public List<Message> history(String chatId, String userId) {
		this.chats.requireMember(chatId, userId);
		List<Message> all = new ArrayList<>();
		long after = 0;
		while (true) {
			MessageStore.CachedPage page = this.store.page(chatId, "after", after, PersistenceClient.MAX_PAGE);
			if (page.hi() < page.lo()) {
				return all;
			}
			long olderHi = Math.min(page.hi(), page.firstCachedSeq() - 1);
			if (olderHi >= page.lo()) {
				all.addAll(this.persistence.messagesBefore(chatId, olderHi + 1, (int) (olderHi - page.lo() + 1)));
			}
			all.addAll(page.cached());
			after = page.hi();
		}
	}

	public void delete(String chatId, String messageId, String userId) {
		StoredChat chat = this.chats.requireMember(chatId, userId);
		if (!Ids.isValid(messageId)) {
			throw new NotFound("Message not found");
		}
		MessageStore.Tombstoned result = this.store.tombstone(chatId, messageId, userId);
		Message message = switch (result.status()) {
			case "deleted" -> result.message();
			case "not-cached" -> findOlder(chatId, messageId).filter(older -> older.senderId().equals(userId))
				.orElseThrow(() -> new NotFound("Message not found"));
			default -> throw new NotFound("Message not found");
		};
		this.events.publish(Topics.MESSAGE_DELETED, chatId, new MessageDeleted(MessageDeleted.newEventId(),
				Instant.now(), chatId, messageId, message.seq(), message.senderId()));
		this.fanout.publish(chat.memberIds(), Push.messageDeleted(chatId, messageId));
	}

	/** Looks for a message older than the Redis list in durable storage, newest pages first. */
	private Optional<Message> findOlder(String chatId, String messageId) {
		long before = this.store.page(chatId, "latest", 0, 1).firstCachedSeq();
		while (before > 1) {
			List<Message> page = this.persistence.messagesBefore(chatId, before, PersistenceClient.MAX_PAGE);
			if (page.isEmpty()) {
				return Optional.empty();
			}
			for (Message message : page) {
				if (message.id().equals(messageId)) {
					return Optional.of(message);
				}
			}
			before = page.get(0).seq();
		}
		return Optional.empty();
	}

}
