package dev.carrier.chat.cache;

import dev.carrier.chat.events.MessagesStored;
import dev.carrier.chat.events.Topics;
import dev.carrier.chat.shared.Ids;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * persistence-service's reports of what MySQL holds: they let the bounded message list
 * drop old entries and let expired chats leave the cache. One instance of the group
 * handles each report.
 */
@Component
class MessagesStoredListener {

	private final ChatEviction eviction;

	private final JsonMapper json;

	MessagesStoredListener(ChatEviction eviction, JsonMapper json) {
		this.eviction = eviction;
		this.json = json;
	}

	@KafkaListener(id = "messages-stored", topics = Topics.MESSAGES_STORED,
			groupId = "${carrier.chat.user-changed-group:chat-service}")
	void messagesStored(String value) {
		MessagesStored event = this.json.readValue(value, MessagesStored.class);
		if (event == null || !Ids.isValid(event.chatId()) || event.storedSeq() < 1) {
			return;
		}
		this.eviction.recordStored(event.chatId(), event.storedSeq());
	}

}
