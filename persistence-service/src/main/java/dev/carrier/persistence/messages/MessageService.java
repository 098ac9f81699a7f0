package dev.carrier.persistence.messages;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

/**
 * What the other features may read of the stored messages (a chat's snapshot needs them).
 */
@Service
public class MessageService {

	private final MessageStore store;

	MessageService(MessageStore store) {
		this.store = store;
	}

	/** The highest stored seq of each of these chats that has messages. */
	public Map<String, Long> maxSeqs(Collection<String> chatIds) {
		return this.store.maxSeqs(chatIds);
	}

	/** The newest {@code count} messages of each chat, oldest first per chat. */
	public List<RecentMessage> recent(Map<String, Long> lastSeqs, int count) {
		return this.store.recent(lastSeqs, count);
	}

}
