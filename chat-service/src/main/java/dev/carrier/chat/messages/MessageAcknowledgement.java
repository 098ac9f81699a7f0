package dev.carrier.chat.messages;

import java.time.Instant;
import java.util.Optional;

import dev.carrier.chat.attachments.Attachment;
import dev.carrier.chat.events.EventPublisher;
import dev.carrier.chat.events.MessageSent;
import dev.carrier.chat.events.SentMessage;
import dev.carrier.chat.events.Topics;
import dev.carrier.chat.realtime.Fanout;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The last steps of every append, a person's message or a system line: its
 * {@code MessageSent} event acknowledged by Kafka, then the entry made visible and pushed
 * to the members in one step.
 */
@Component
class MessageAcknowledgement {

	private final MessageStore store;

	private final EventPublisher events;

	private final Fanout fanout;

	private final JsonMapper json;

	MessageAcknowledgement(MessageStore store, EventPublisher events, Fanout fanout, JsonMapper json) {
		this.store = store;
		this.events = events;
		this.fanout = fanout;
		this.json = json;
	}

	/**
	 * Publishes and confirms the appended message. A retry republishes too: the first
	 * attempt may have stored the message and then failed to reach Kafka; consumers are
	 * idempotent by message id.
	 * @return the message as JSON, as its push carried it; empty when the incarnation of
	 * the chat that gave the seq is no longer the cached one: a reload may have handed
	 * the seq out again, so the message must not be acknowledged
	 */
	Optional<String> acknowledge(MessageStore.Appended appended, String clientMessageId) {
		Message message = appended.message();
		this.events
			.publish(Topics.MESSAGE_SENT, message.chatId(), new MessageSent(MessageSent.newEventId(), Instant.now(),
					new SentMessage(message.id(), message.chatId(), message.seq(), message.senderId(), message.text(),
							message.sentAt(), clientMessageId, Long.parseLong(appended.generation()),
							(message.replyTo() != null) ? message.replyTo().id() : null, message.mentions(),
							message.attachments().stream().map(Attachment::id).toList(), message.system())));
		String messageJson = this.json.writeValueAsString(message);
		boolean current = this.store.confirm(message, appended.generation(),
				this.fanout.envelope(appended.memberIds(), new MessagePush.CreatedFromJson(messageJson)));
		return current ? Optional.of(messageJson) : Optional.empty();
	}

}
