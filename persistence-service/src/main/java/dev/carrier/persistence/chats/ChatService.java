package dev.carrier.persistence.chats;

import java.util.Map;

import org.springframework.stereotype.Service;

/**
 * What the other features may ask of chats: whether one is stored, and that its
 * {@code last_seq} keeps up with the messages written for it. The store behind it stays
 * this feature's own.
 */
@Service
public class ChatService {

	private final ChatStore store;

	ChatService(ChatStore store) {
		this.store = store;
	}

	/**
	 * @throws ChatNotFound unless the durable record holds the chat
	 */
	public void requireExists(String chatId) {
		if (!this.store.exists(chatId)) {
			throw ChatNotFound.withId(chatId);
		}
	}

	/**
	 * Raises each chat's {@code last_seq} to at least the given seq (a chat not stored
	 * yet is skipped).
	 */
	public void raiseLastSeqs(Map<String, Long> lastSeqs) {
		this.store.raiseLastSeqs(lastSeqs);
	}

}
