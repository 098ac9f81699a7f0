package dev.carrier.persistence.hiding;

import java.util.Collection;
import java.util.Map;

import org.springframework.stereotype.Service;

/** What the other features may read of hidden chats: who hid them, for snapshots. */
@Service
public class HiddenChats {

	private final HiddenChatStore store;

	HiddenChats(HiddenChatStore store) {
		this.store = store;
	}

	/**
	 * For each of these chats that any member has hidden (one query for all of them),
	 * user id to the seq the chat was hidden at.
	 */
	public Map<String, Map<String, Long>> hiddenSeqs(Collection<String> chatIds) {
		return this.store.hiddenSeqs(chatIds);
	}

}
