package dev.carrier.chat.chats;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.carrier.chat.cache.ChatReloader;
import dev.carrier.chat.shared.Ids;
import dev.carrier.chat.shared.ServiceUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * The chats feature's API for the others: a chat as its member may see it, and a user's
 * chats, read through to persistence-service when Redis lost them (cache.ChatReloader).
 */
@Service
public class ChatAccess {

	private static final Logger log = LoggerFactory.getLogger(ChatAccess.class);

	private final ChatStore store;

	private final ChatReloader reloader;

	ChatAccess(ChatStore store, ChatReloader reloader) {
		this.store = store;
		this.reloader = reloader;
	}

	/**
	 * The chat if the caller is a member; otherwise {@link ChatNotFound}, exactly as for
	 * a chat that does not exist. Reads through to persistence-service when Redis lost
	 * the chat.
	 */
	public StoredChat requireMember(String chatId, String userId) {
		return findForMember(chatId, userId).filter(chat -> chat.hasMember(userId)).orElseThrow(ChatNotFound::new);
	}

	/**
	 * The chat from Redis, or reloaded when the durable record has the caller as a
	 * member. A stranger's request for a chat the cache lacks writes nothing and reloads
	 * nothing.
	 */
	Optional<StoredChat> findForMember(String chatId, String userId) {
		if (!Ids.isValid(chatId)) {
			return Optional.empty();
		}
		Optional<StoredChat> chat = this.store.find(chatId);
		if (chat.isPresent()) {
			return chat;
		}
		if (!this.reloader.reloadForMember(chatId, userId)) {
			return Optional.empty();
		}
		Optional<StoredChat> reloaded = this.store.find(chatId);
		if (reloaded.isEmpty()) {
			// The durable record has the caller as a member, yet the chat is not cached:
			// the
			// reload this request waited on failed (or the cache lost it again). Not a
			// 404.
			throw new ServiceUnavailable("The chat could not be reloaded; retry the request");
		}
		return reloaded;
	}

	/**
	 * The user's chats, most recent activity first, reloading those the cache lost. When
	 * only some were lost and persistence-service cannot answer, the others are still
	 * listed.
	 */
	public List<StoredChat> chatsOf(String userId) {
		List<String> ids = this.store.userChatIds(userId);
		boolean hydrated = false;
		if (ids.isEmpty()) {
			this.reloader.reloadChatsOf(userId);
			hydrated = true;
			ids = this.store.userChatIds(userId);
		}
		Map<String, Optional<StoredChat>> found = new LinkedHashMap<>();
		ids.forEach(id -> found.put(id, this.store.find(id)));
		if (!hydrated && found.values().stream().anyMatch(Optional::isEmpty)) {
			try {
				this.reloader.reloadChatsOf(userId);
				found.replaceAll((id, chat) -> chat.isPresent() ? chat : this.store.find(id));
			}
			catch (ServiceUnavailable ex) {
				log.warn("Listing {}'s chats without those evicted from Redis: {}", userId, ex.getMessage());
			}
		}
		return found.values().stream().flatMap(Optional::stream).filter(chat -> chat.hasMember(userId)).toList();
	}

	/** The chats of a user as the cache holds them now, without reloading any. */
	public List<StoredChat> cachedChatsOf(String userId) {
		return this.store.userChatIds(userId)
			.stream()
			.map(this.store::find)
			.flatMap(Optional::stream)
			.filter(chat -> chat.hasMember(userId))
			.toList();
	}

}
