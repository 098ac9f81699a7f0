package dev.carrier.persistence.messages;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

/**
 * What the other features may read of the stored messages (a chat's snapshot needs them).
 */
@Service
public class MessageService {

	private final MessageStore store;

	private final MessageViews views;

	MessageService(MessageStore store, MessageViews views) {
		this.store = store;
		this.views = views;
	}

	/** These messages as the API shows them, in the order given (those MySQL holds). */
	public List<MessageView> views(List<String> ids) {
		Map<String, MessageRow> rows = this.store.byIds(ids);
		return this.views.of(ids.stream().map(rows::get).filter(java.util.Objects::nonNull).toList());
	}

	/** The highest stored seq of each of these chats that has messages. */
	public Map<String, Long> maxSeqs(Collection<String> chatIds) {
		return this.store.maxSeqs(chatIds);
	}

	/**
	 * The newest {@code count} messages of each chat, and the client ids of the newest
	 * {@code clientIdWindow}, read with one query over both windows.
	 * @param lastSeqs each chat's highest stored seq
	 */
	public RecentMessages recent(Map<String, Long> lastSeqs, int count, int clientIdWindow) {
		List<MessageRow> shown = new ArrayList<>();
		Map<String, Map<String, String>> clientIds = new HashMap<>();
		for (MessageRow row : this.store.recent(lastSeqs, Math.max(count, clientIdWindow))) {
			long lastSeq = lastSeqs.get(row.chatId());
			if (row.seq() > lastSeq - count) {
				shown.add(row);
			}
			if (row.clientMessageId() != null && row.seq() > lastSeq - clientIdWindow) {
				clientIds.computeIfAbsent(row.chatId(), (id) -> new LinkedHashMap<>())
					.put(row.senderId() + ":" + row.clientMessageId(), row.id());
			}
		}
		// only the messages shown need their replies and reactions
		Map<String, List<MessageView>> messages = new HashMap<>();
		this.views.of(shown)
			.forEach((view) -> messages.computeIfAbsent(view.chatId(), (id) -> new ArrayList<>()).add(view));
		return new RecentMessages(messages, clientIds);
	}

}
