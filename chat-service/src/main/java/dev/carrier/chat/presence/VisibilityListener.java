package dev.carrier.chat.presence;

import dev.carrier.chat.events.Topics;
import dev.carrier.chat.events.UserChanged;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * A person's presence setting lives with their account in auth-service; every change of
 * the account arrives here as {@code UserChanged}, and the person's presence is pushed
 * again as the setting now lets others see it. A consumer group of its own, so the chats
 * feature's listener of the same topic is not disturbed.
 */
@Component
class VisibilityListener {

	private final PresenceAnnouncer announcer;

	private final JsonMapper json;

	VisibilityListener(PresenceAnnouncer announcer, JsonMapper json) {
		this.announcer = announcer;
		this.json = json;
	}

	@KafkaListener(id = "presence-user-changed", topics = Topics.USER_CHANGED,
			groupId = "${carrier.chat.user-changed-group:chat-service}-presence")
	void userChanged(String value) {
		UserChanged event = this.json.readValue(value, UserChanged.class);
		if (event.user() == null || event.user().id() == null) {
			return;
		}
		this.announcer.visibilityChanged(event.user().id(), !Boolean.TRUE.equals(event.user().presenceHidden()));
	}

}
