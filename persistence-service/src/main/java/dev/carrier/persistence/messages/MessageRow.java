package dev.carrier.persistence.messages;

import java.time.Instant;
import java.util.List;

import dev.carrier.persistence.attachments.Attachment;
import dev.carrier.persistence.events.SystemLine;
import dev.carrier.persistence.reactions.Reaction;

/**
 * A row of {@code messages} as read, before {@link MessageViews} adds what the other rows
 * and tables say about it.
 */
record MessageRow(String id, String chatId, long seq, String senderId, String text, Instant sentAt, boolean deleted,
		Instant editedAt, String replyToId, String clientMessageId, List<String> mentions, SystemLine system) {

	MessageView toView(MessageView.ReplyTo replyTo, List<Reaction> reactions, List<Attachment> attachments) {
		return new MessageView(this.id, this.chatId, this.seq, this.senderId, this.text, this.sentAt, this.deleted,
				this.editedAt, replyTo, reactions, this.deleted ? List.of() : this.mentions,
				this.deleted ? List.of() : attachments, this.system);
	}

	/** The {@code mentions} column: ids comma-separated, NULL for none. */
	static List<String> mentions(String column) {
		return (column == null || column.isEmpty()) ? List.of() : List.of(column.split(","));
	}

	/** This message as the original a reply answers. */
	MessageView.ReplyTo toReplyTo() {
		return new MessageView.ReplyTo(this.id, this.seq, this.senderId,
				this.deleted ? "" : MessageView.ReplyTo.excerpt(this.text), this.deleted);
	}

}
