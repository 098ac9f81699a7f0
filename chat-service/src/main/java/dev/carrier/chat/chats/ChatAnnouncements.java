package dev.carrier.chat.chats;

import java.time.Instant;
import java.util.Collection;

import dev.carrier.chat.RedisKeys;
import dev.carrier.chat.events.ChatChanged;
import dev.carrier.chat.events.ChatSnapshot;
import dev.carrier.chat.events.EventPublisher;
import dev.carrier.chat.events.Topics;
import dev.carrier.chat.realtime.Fanout;

import org.springframework.stereotype.Component;

/**
 * What the rest of the system hears of a chat's change: the {@code ChatChanged} snapshot
 * on Kafka (acknowledged before the request answers) and the pushes to the members'
 * sockets.
 */
@Component
class ChatAnnouncements {

	private final EventPublisher events;

	private final Fanout fanout;

	ChatAnnouncements(EventPublisher events, Fanout fanout) {
		this.events = events;
		this.fanout = fanout;
	}

	void changed(StoredChat chat) {
		String directKey = chat.isDirect() ? RedisKeys.directKey(chat.memberIds().get(0), chat.memberIds().get(1))
				: null;
		this.events.publish(Topics.CHAT_CHANGED, chat.id(), new ChatChanged(ChatChanged.newEventId(), Instant.now(),
				new ChatSnapshot(chat.id(), chat.type(), chat.name(), chat.memberIds(), chat.createdAt(), directKey)));
	}

	void created(Collection<String> recipients, Chat view) {
		this.fanout.publish(recipients, ChatPush.created(view));
	}

	void updated(Collection<String> recipients, Chat view) {
		this.fanout.publish(recipients, ChatPush.updated(view));
	}

}
