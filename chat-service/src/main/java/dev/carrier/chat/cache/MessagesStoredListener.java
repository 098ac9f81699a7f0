package dev.carrier.chat.cache;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.carrier.chat.events.MessagesStored;
import dev.carrier.chat.events.Topics;
import dev.carrier.chat.shared.Ids;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * persistence-service's reports of what MySQL holds: they let the bounded message list
 * drop old entries and let expired chats leave the cache. One instance of the group
 * handles each report.
 * <p>
 * Reports arrive about one per chat per stored batch, so under load nearly one per
 * message. They are taken in batches (waiting up to 250 ms for more: eviction does not
 * need them sooner) and only each chat's highest seq is written, one Redis call per chat
 * instead of one per report, and one offset commit per batch (issue 17).
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
			groupId = "${carrier.chat.user-changed-group:chat-service}", batch = "true",
			properties = { "fetch.min.bytes=16384", "fetch.max.wait.ms=250" })
	void messagesStored(List<String> values) {
		Map<String, Long> highest = new LinkedHashMap<>();
		for (int index = 0; index < values.size(); index++) {
			MessagesStored event;
			try {
				event = this.json.readValue(values.get(index), MessagesStored.class);
			}
			catch (JacksonException ex) {
				// the reports before it are applied and committed, the unreadable
				// one goes to the dead-letter topic on its own, the rest come again
				highest.forEach(this.eviction::recordStored);
				throw new BatchListenerFailedException("Unreadable stored-messages report", ex, index);
			}
			if (event != null && Ids.isValid(event.chatId()) && event.storedSeq() >= 1) {
				highest.merge(event.chatId(), event.storedSeq(), Math::max);
			}
		}
		highest.forEach(this.eviction::recordStored);
	}

}
