package dev.carrier.chat.messages;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The public message: {@code {id, chatId, seq, senderId, text, sentAt, deleted, editedAt,
 * replyTo, reactions}} ({@code editedAt} null until edited, {@code replyTo} null unless
 * it quotes an earlier message, {@code reactions} empty until someone reacts); also its
 * form in the Redis list (where an entry leaves out what is null or empty: Redis's Lua
 * encodes an empty array as an object) and in persistence-service's answers.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Message(String id, String chatId, long seq, String senderId, String text, Instant sentAt, boolean deleted,
		Instant editedAt, Quote replyTo, List<Reaction> reactions) {

	public Message {
		reactions = (reactions != null) ? List.copyOf(reactions) : List.of();
	}

	/** This message with its text replaced by an edit. */
	Message edited(String newText, Instant editedAt) {
		return new Message(this.id, this.chatId, this.seq, this.senderId, newText, this.sentAt, false, editedAt,
				this.replyTo, this.reactions);
	}

	/** This message with other reactions. */
	Message withReactions(List<Reaction> newReactions) {
		return new Message(this.id, this.chatId, this.seq, this.senderId, this.text, this.sentAt, this.deleted,
				this.editedAt, this.replyTo, newReactions);
	}

}
