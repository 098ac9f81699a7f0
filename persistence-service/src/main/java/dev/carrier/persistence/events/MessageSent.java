package dev.carrier.persistence.events;

import java.time.Instant;
import java.util.List;

/**
 * {@code carrier.chat.message-sent}: a message chat-service appended. {@code generation}
 * names the incarnation of the chat in chat-service's cache that handed out its seq (0
 * before the first reload); it decides which of two messages keeps a seq they both claim.
 */
public record MessageSent(String eventId, Instant occurredAt, Message message) implements Event {

	/**
	 * {@code generation} may be absent (events written before generations existed): it
	 * reads as 0. {@code replyToId} is the id of the message of the same chat this one
	 * answers, absent when it answers none. {@code mentions} are the ids of the members
	 * it mentions (absent in older events: none). {@code attachmentIds} are the
	 * attachments the send claimed, in its order (absent: none). {@code system} is set on
	 * a system line only (a member added or gone), whose text is empty.
	 */
	public record Message(String id, String chatId, long seq, String senderId, String text, Instant sentAt,
			String clientMessageId, Long generation, String replyToId, List<String> mentions,
			List<String> attachmentIds, SystemLine system) {

		public Message {
			generation = (generation != null) ? generation : 0L;
			mentions = (mentions != null) ? List.copyOf(mentions) : List.of();
			attachmentIds = (attachmentIds != null) ? List.copyOf(attachmentIds) : List.of();
		}

		public Message(String id, String chatId, long seq, String senderId, String text, Instant sentAt,
				String clientMessageId, Long generation, String replyToId, List<String> mentions) {
			this(id, chatId, seq, senderId, text, sentAt, clientMessageId, generation, replyToId, mentions, List.of(),
					null);
		}

	}

	@Override
	public void requireComplete() {
		Event.require(this.message, "message");
		Event.require(this.message.id(), "message.id");
		Event.require(this.message.chatId(), "message.chatId");
		Event.require(this.message.senderId(), "message.senderId");
		Event.require(this.message.text(), "message.text");
		if (this.message.text().isEmpty() && this.message.system() == null && this.message.attachmentIds().isEmpty()) {
			throw new EventUnreadable("message.text must not be empty without attachments or a system line");
		}
		Event.require(this.message.sentAt(), "message.sentAt");
		if (this.message.seq() < 1) {
			throw new EventUnreadable("message.seq must be positive");
		}
	}

}
