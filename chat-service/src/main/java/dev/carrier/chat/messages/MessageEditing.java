package dev.carrier.chat.messages;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import dev.carrier.chat.chats.ChatAccess;
import dev.carrier.chat.chats.StoredChat;
import dev.carrier.chat.events.EventPublisher;
import dev.carrier.chat.events.MessageEdited;
import dev.carrier.chat.events.Topics;
import dev.carrier.chat.realtime.Fanout;
import dev.carrier.chat.shared.Ids;
import dev.carrier.chat.shared.InvalidRequest;
import dev.carrier.chat.shared.ServiceUnavailable;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Service;

/**
 * Editing one's own message. Like a send, an edit is answered only once Kafka has it;
 * only then is it written into the cached list and pushed as {@code message.updated}.
 */
@Service
public class MessageEditing {

	private final ChatAccess chats;

	private final EditStore store;

	private final MessageHistory history;

	private final EventPublisher events;

	private final Fanout fanout;

	private final Mentions mentions;

	private final Counter edited;

	MessageEditing(ChatAccess chats, EditStore store, MessageHistory history, EventPublisher events, Fanout fanout,
			Mentions mentions, MeterRegistry meters) {
		this.mentions = mentions;
		this.chats = chats;
		this.store = store;
		this.history = history;
		this.events = events;
		this.fanout = fanout;
		this.edited = Counter.builder("carrier.chat.messages.edited")
			.description("Edits stored and acknowledged")
			.register(meters);
	}

	public Message edit(String chatId, String messageId, String userId, EditMessageRequest request) {
		StoredChat chat = this.chats.requireMember(chatId, userId);
		if (!Ids.isValid(messageId)) {
			throw new MessageNotFound();
		}
		String text = request.text().trim();
		if (text.isEmpty() || text.length() > MessageService.MAX_TEXT) {
			throw new InvalidRequest(
					"Message text must be 1 to " + MessageService.MAX_TEXT + " characters after trimming");
		}
		EditStore.Lookup lookup = this.store.find(chatId, messageId, userId);
		Message original = switch (lookup.found()) {
			case CACHED -> lookup.message();
			case NOT_CACHED -> this.history.findOlder(chatId, messageId)
				.filter((older) -> older.senderId().equals(userId) && !older.deleted() && older.system() == null)
				.orElseThrow(MessageNotFound::new);
			case NOT_FOUND -> throw new MessageNotFound();
			case NO_CHAT -> throw reloaded();
		};
		if (original.editedAt() != null && original.text().equals(text)) {
			// a retry of an edit that is durable already: the same answer, no new event
			return original;
		}
		Instant editedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		Message edit = original.edited(text, editedAt, this.mentions.of(text, chat.memberIds()));
		this.events.publish(Topics.MESSAGE_EDITED, chatId, new MessageEdited(MessageEdited.newEventId(), Instant.now(),
				chatId, messageId, edit.seq(), userId, text, editedAt, edit.mentions()));
		MessagePush.Updated push = new MessagePush.Updated(edit);
		if (lookup.found() == EditStore.Found.NOT_CACHED) {
			this.fanout.publish(chat.memberIds(), push);
		}
		else {
			EditStore.Applied applied = this.store.apply(chatId, messageId, lookup.generation(), edit,
					this.fanout.envelope(chat.memberIds(), push));
			switch (applied) {
				case DELETED -> throw new MessageNotFound();
				case STALE -> throw reloaded();
				default -> {
				}
			}
		}
		this.edited.increment();
		return edit;
	}

	private static ServiceUnavailable reloaded() {
		return new ServiceUnavailable("The chat was reloaded while this edit was being stored; retry the edit");
	}

}
