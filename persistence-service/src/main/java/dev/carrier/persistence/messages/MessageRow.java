package dev.carrier.persistence.messages;

import java.time.Instant;
import java.util.List;

import dev.carrier.persistence.reactions.Reaction;

/**
 * A row of {@code messages} as read, before {@link MessageViews} adds what the other rows
 * and tables say about it.
 */
record MessageRow(String id, String chatId, long seq, String senderId, String text, Instant sentAt, boolean deleted,
		Instant editedAt, String replyToId, String clientMessageId) {

	MessageView toView(MessageView.ReplyTo replyTo, List<Reaction> reactions) {
		return new MessageView(this.id, this.chatId, this.seq, this.senderId, this.text, this.sentAt, this.deleted,
				this.editedAt, replyTo, reactions);
	}

	/** This message as the original a reply answers. */
	MessageView.ReplyTo toReplyTo() {
		return new MessageView.ReplyTo(this.id, this.seq, this.senderId,
				this.deleted ? "" : MessageView.ReplyTo.excerpt(this.text), this.deleted);
	}

}
