package dev.carrier.chat.chats;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import dev.carrier.chat.events.ChatHidden;
import dev.carrier.chat.events.EventPublisher;
import dev.carrier.chat.events.Topics;
import dev.carrier.chat.realtime.Fanout;
import dev.carrier.chat.realtime.Push;
import dev.carrier.chat.shared.InvalidRequest;

import org.springframework.stereotype.Service;

/**
 * Hiding a direct chat from one's own list until its next message (issue 19): per user,
 * durable in Kafka before the answer like every change, then recorded in the cached chat
 * and pushed to the user's other sessions as {@code chat.hidden}. A group is left, not
 * hidden.
 */
@Service
public class ChatHiding {

	private final ChatAccess access;

	private final ChatStore store;

	private final EventPublisher events;

	private final Fanout fanout;

	ChatHiding(ChatAccess access, ChatStore store, EventPublisher events, Fanout fanout) {
		this.access = access;
		this.store = store;
		this.events = events;
		this.fanout = fanout;
	}

	public void setHidden(String chatId, String userId, boolean hidden) {
		StoredChat chat = this.access.requireMember(chatId, userId);
		if (!chat.isDirect()) {
			throw new InvalidRequest("Only a direct chat can be hidden; leave a group instead");
		}
		long hiddenSeq = hidden ? chat.lastSeq() : 0;
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		this.events.publish(Topics.CHAT_HIDDEN, chatId,
				new ChatHidden(ChatHidden.newEventId(), now, chatId, userId, hidden, hiddenSeq, now));
		this.store.setHidden(chatId, userId, hidden ? hiddenSeq : null);
		this.fanout.publish(List.of(userId), new HiddenPush(chatId, hidden));
	}

	/** {@code {"type":"chat.hidden","chatId","hidden"}}, to the user's own sessions. */
	record HiddenPush(String type, String chatId, boolean hidden) implements Push {

		HiddenPush(String chatId, boolean hidden) {
			this("chat.hidden", chatId, hidden);
		}

	}

}
