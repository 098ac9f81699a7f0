package dev.carrier.chat.messages;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.carrier.chat.attachments.Attachment;
import dev.carrier.chat.events.SystemLine;

/**
 * The public message: {@code {id, chatId, seq, senderId, text, sentAt, deleted, editedAt,
 * replyTo, reactions, mentions, attachments, system}} ({@code editedAt} null until
 * edited, {@code replyTo} null unless it quotes an earlier message, {@code reactions}
 * empty until someone reacts, {@code mentions} the ids of the members it names with
 * {@code @username}, {@code attachments} the files sent with it, empty when none,
 * {@code system} null unless it is a system line: then its text is empty and its sender
 * is the member who added people or left); also its form in the Redis list (where an
 * entry leaves out what is null or empty: Redis's Lua encodes an empty array as an
 * object) and in persistence-service's answers.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Message(String id, String chatId, long seq, String senderId, String text, Instant sentAt, boolean deleted,
		Instant editedAt, Quote replyTo, List<Reaction> reactions, List<String> mentions, List<Attachment> attachments,
		SystemLine system) {

	public Message {
		reactions = (reactions != null) ? List.copyOf(reactions) : List.of();
		mentions = (mentions != null) ? List.copyOf(mentions) : List.of();
		attachments = (attachments != null) ? List.copyOf(attachments) : List.of();
	}

	/** This message with its text, and whom it mentions, replaced by an edit. */
	Message edited(String newText, Instant editedAt, List<String> newMentions) {
		return new Message(this.id, this.chatId, this.seq, this.senderId, newText, this.sentAt, false, editedAt,
				this.replyTo, this.reactions, newMentions, this.attachments, this.system);
	}

	/** This message with other reactions. */
	Message withReactions(List<Reaction> newReactions) {
		return new Message(this.id, this.chatId, this.seq, this.senderId, this.text, this.sentAt, this.deleted,
				this.editedAt, this.replyTo, newReactions, this.mentions, this.attachments, this.system);
	}

}
