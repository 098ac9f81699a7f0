package dev.carrier.chat.chats;

import java.util.List;
import java.util.Optional;

import dev.carrier.chat.realtime.Fanout;
import dev.carrier.chat.realtime.TypingNoticeReceived;
import dev.carrier.chat.realtime.TypingPush;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Only a member's typing is relayed, and only to the chat's other members. A hint: a chat
 * the cache lacks is not reloaded for it.
 */
@Component
class TypingRelay {

	private final ChatStore store;

	private final Fanout fanout;

	TypingRelay(ChatStore store, Fanout fanout) {
		this.store = store;
		this.fanout = fanout;
	}

	@EventListener
	void typing(TypingNoticeReceived notice) {
		Optional<StoredChat> chat = this.store.find(notice.chatId());
		if (chat.isEmpty() || !chat.get().hasMember(notice.userId())) {
			return;
		}
		List<String> others = chat.get().memberIds().stream().filter(id -> !id.equals(notice.userId())).toList();
		this.fanout.publish(others, new TypingPush(notice.chatId(), notice.userId()));
	}

}
