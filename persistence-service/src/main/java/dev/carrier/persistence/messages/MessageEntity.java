package dev.carrier.persistence.messages;

import java.time.Instant;

import dev.carrier.persistence.events.SystemLine;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A row of {@code messages}; read through JPA for history pages, written by
 * {@link MessageStore}.
 */
@Entity
@Table(name = "messages")
class MessageEntity {

	@Id
	private String id;

	@Column(name = "chat_id")
	private String chatId;

	private long seq;

	@Column(name = "sender_id")
	private String senderId;

	private String text;

	@Column(name = "sent_at")
	private Instant sentAt;

	private boolean deleted;

	@Column(name = "edited_at")
	private Instant editedAt;

	@Column(name = "client_message_id")
	private String clientMessageId;

	@Column(name = "reply_to_id")
	private String replyToId;

	private String mentions;

	@Column(name = "system_type")
	private String systemType;

	@Column(name = "system_user_ids")
	private String systemUserIds;

	@Column(name = "system_names")
	private String systemNames;

	protected MessageEntity() {
	}

	MessageRow toRow() {
		return new MessageRow(this.id, this.chatId, this.seq, this.senderId, this.text, this.sentAt, this.deleted,
				this.editedAt, this.replyToId, this.clientMessageId, MessageRow.mentions(this.mentions),
				SystemLine.fromColumns(this.systemType, this.systemUserIds, this.systemNames));
	}

}
