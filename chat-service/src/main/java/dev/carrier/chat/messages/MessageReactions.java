package dev.carrier.chat.messages;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import dev.carrier.chat.chats.ChatAccess;
import dev.carrier.chat.chats.StoredChat;
import dev.carrier.chat.events.EventPublisher;
import dev.carrier.chat.events.ReactionChanged;
import dev.carrier.chat.events.Topics;
import dev.carrier.chat.realtime.Fanout;
import dev.carrier.chat.shared.InvalidRequest;
import dev.carrier.chat.shared.ServiceUnavailable;

import org.springframework.stereotype.Service;

/**
 * Emoji reactions: any member adds or takes back one emoji on any message of the chat,
 * one reaction per emoji per person. Like an edit, a change is answered only once Kafka
 * has it, and only then written into the cached message and pushed as
 * {@code message.updated}. Repeating a request changes nothing and publishes nothing.
 * <p>
 * The bound of {@value ReactionChange#MAX_EMOJI} different emoji is checked before Kafka
 * has the change; two people adding new emoji at the same instant may pass it by one. The
 * change is never refused after Kafka has it, so Redis and MySQL agree.
 */
@Service
public class MessageReactions {

	private final ChatAccess chats;

	private final MessageLookup lookup;

	private final ReactionStore store;

	private final EventPublisher events;

	private final Fanout fanout;

	MessageReactions(ChatAccess chats, MessageLookup lookup, ReactionStore store, EventPublisher events,
			Fanout fanout) {
		this.chats = chats;
		this.lookup = lookup;
		this.store = store;
		this.events = events;
		this.fanout = fanout;
	}

	public void react(String chatId, String messageId, String userId, String emoji, boolean present) {
		StoredChat chat = this.chats.requireMember(chatId, userId);
		MessageLookup.Visible found = this.lookup.find(chatId, messageId).orElseThrow(MessageNotFound::new);
		if (!Emoji.isOne(emoji)) {
			if (!present) {
				// nobody can have reacted with it: taking it back changes nothing
				return;
			}
			throw new InvalidRequest("A reaction is one emoji");
		}
		ReactionChange change = new ReactionChange(emoji, userId, present);
		Message message = found.message();
		if (!change.changes(message.reactions())) {
			return;
		}
		if (change.overflows(message.reactions())) {
			throw new InvalidRequest("A message holds at most " + ReactionChange.MAX_EMOJI + " different emoji");
		}
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		this.events.publish(Topics.REACTION_CHANGED, chatId, new ReactionChanged(ReactionChanged.newEventId(), now,
				chatId, messageId, message.seq(), userId, emoji, present, now));
		MessagePush.Updated push = new MessagePush.Updated(message.withReactions(change.applyTo(message.reactions())));
		if (!found.cached()) {
			this.fanout.publish(chat.memberIds(), push);
			return;
		}
		switch (this.store.apply(chatId, messageId, found.generation(), change,
				this.fanout.envelopeHead(chat.memberIds()))) {
			case TRIMMED -> this.fanout.publish(chat.memberIds(), push);
			case DELETED -> throw new MessageNotFound();
			case STALE -> throw new ServiceUnavailable(
					"The chat was reloaded while this reaction was being stored; retry the request");
			case APPLIED -> {
			}
		}
	}

}
