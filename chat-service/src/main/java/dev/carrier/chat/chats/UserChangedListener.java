package dev.carrier.chat.chats;

import java.util.List;

import dev.carrier.chat.events.Topics;
import dev.carrier.chat.events.UserChanged;
import dev.carrier.chat.realtime.Fanout;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * A user changed (renamed, new avatar): every chat of theirs is pushed again as
 * {@code chat.updated} with fresh member summaries, so the change shows everywhere at
 * once. Failures (auth-service down) are retried, then dead-lettered by the error
 * handler.
 */
@Component
class UserChangedListener {

	private final ChatAccess chats;

	private final ChatViews views;

	private final Fanout fanout;

	private final JsonMapper json;

	UserChangedListener(ChatAccess chats, ChatViews views, Fanout fanout, JsonMapper json) {
		this.chats = chats;
		this.views = views;
		this.fanout = fanout;
		this.json = json;
	}

	@KafkaListener(id = "user-changed", topics = Topics.USER_CHANGED,
			groupId = "${carrier.chat.user-changed-group:chat-service}")
	void userChanged(String value) {
		UserChanged event = this.json.readValue(value, UserChanged.class);
		if (event.user() == null || event.user().id() == null) {
			return;
		}
		List<StoredChat> affected = this.chats.cachedChatsOf(event.user().id());
		if (affected.isEmpty()) {
			return;
		}
		List<Chat> updated = this.views.views(affected);
		for (int i = 0; i < affected.size(); i++) {
			this.fanout.publish(affected.get(i).memberIds(), ChatPush.updated(updated.get(i)));
		}
	}

}
