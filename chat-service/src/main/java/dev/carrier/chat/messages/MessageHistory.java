package dev.carrier.chat.messages;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.carrier.chat.chats.ChatAccess;
import dev.carrier.chat.chats.ChatsOpened;
import dev.carrier.chat.history.PersistenceClient;
import dev.carrier.chat.shared.InvalidRequest;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Reading a chat's messages: pages, the whole history and the newest one. The part of a
 * page the Redis list holds comes from Redis, the older part from persistence-service, so
 * paging back is seamless.
 */
@Service
public class MessageHistory {

	public static final int MAX_PAGE = 200;

	private final ChatAccess chats;

	private final MessageStore store;

	private final PersistenceClient persistence;

	private final ApplicationEventPublisher events;

	private final UnreadMentions mentions;

	MessageHistory(ChatAccess chats, MessageStore store, PersistenceClient persistence,
			ApplicationEventPublisher events, UnreadMentions mentions) {
		this.mentions = mentions;
		this.chats = chats;
		this.store = store;
		this.persistence = persistence;
		this.events = events;
	}

	/**
	 * A page, oldest first: the newest, or below {@code beforeSeq}, or above
	 * {@code afterSeq}.
	 */
	public List<Message> page(String chatId, String userId, Long beforeSeq, Long afterSeq, Integer limit) {
		int size = (limit != null) ? limit : 50;
		if (size < 1 || size > MAX_PAGE) {
			throw new InvalidRequest("limit must be 1 to " + MAX_PAGE);
		}
		if (beforeSeq != null && afterSeq != null) {
			throw new InvalidRequest("Give beforeSeq or afterSeq, not both");
		}
		if ((beforeSeq != null && beforeSeq < 1) || (afterSeq != null && afterSeq < 0)) {
			throw new InvalidRequest("beforeSeq must be at least 1 and afterSeq at least 0");
		}
		this.chats.requireMember(chatId, userId);
		this.events.publishEvent(new ChatsOpened(List.of(chatId)));
		if (beforeSeq != null) {
			return read(chatId, PageFrom.BEFORE, beforeSeq, size);
		}
		if (afterSeq != null) {
			return read(chatId, PageFrom.AFTER, afterSeq, size);
		}
		return read(chatId, PageFrom.LATEST, 0, size);
	}

	private List<Message> read(String chatId, PageFrom from, long seq, int limit) {
		MessageStore.CachedPage page = this.store.page(chatId, from, seq, limit);
		if (page.hi() < page.lo()) {
			return List.of();
		}
		List<Message> result = new ArrayList<>(limit);
		result.addAll(olderThanTheList(chatId, page));
		result.addAll(page.cached());
		return result;
	}

	/** Every message of the chat, oldest first, Redis and durable storage together. */
	public List<Message> history(String chatId, String userId) {
		this.chats.requireMember(chatId, userId);
		List<Message> all = new ArrayList<>();
		long after = 0;
		while (true) {
			MessageStore.CachedPage page = this.store.page(chatId, PageFrom.AFTER, after, PersistenceClient.MAX_PAGE);
			if (page.hi() < page.lo()) {
				return all;
			}
			all.addAll(olderThanTheList(chatId, page));
			all.addAll(page.cached());
			after = page.hi();
		}
	}

	/**
	 * The part of the page's seq range below the list's first seq, from durable storage.
	 */
	private List<Message> olderThanTheList(String chatId, MessageStore.CachedPage page) {
		long olderHi = Math.min(page.hi(), page.firstCachedSeq() - 1);
		if (olderHi < page.lo()) {
			return List.of();
		}
		return this.persistence.messagesBefore(chatId, olderHi + 1, (int) (olderHi - page.lo() + 1), Message.class);
	}

	/**
	 * The newest acknowledged message of a cached chat (sends still waiting for Kafka are
	 * not shown).
	 */
	public Optional<Message> last(String chatId) {
		return this.store.last(chatId);
	}

	/**
	 * How many of a cached chat's messages after {@code readSeq} mention the user: the
	 * chat list's count of unread mentions. Only the cached list is read; a chat is
	 * cached while anyone uses it, and what is unread is recent.
	 */
	public long mentionsAfter(String chatId, String userId, long readSeq, long unread) {
		return this.mentions.count(chatId, userId, readSeq, unread);
	}

	/**
	 * Looks for a message older than the Redis list in durable storage, newest pages
	 * first.
	 */
	Optional<Message> findOlder(String chatId, String messageId) {
		long before = this.store.page(chatId, PageFrom.LATEST, 0, 1).firstCachedSeq();
		while (before > 1) {
			List<Message> page = this.persistence.messagesBefore(chatId, before, PersistenceClient.MAX_PAGE,
					Message.class);
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
