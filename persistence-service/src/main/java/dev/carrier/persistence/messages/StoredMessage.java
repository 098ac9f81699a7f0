package dev.carrier.persistence.messages;

import java.time.Instant;
import java.util.List;

import dev.carrier.persistence.events.SystemLine;

/**
 * A row to upsert into {@code messages}; {@code deleted} rows are tombstones with empty
 * text. {@code generation} is the cache incarnation that handed out the seq (see
 * {@code MessageSent}); {@code editedAt} is set on an edit's row only (its text is the
 * edited text); {@code replyToId} on a send's row only (null when it answers no message);
 * {@code mentions} the ids the send's or the edit's text mentions (empty for none);
 * {@code system} what a system line says, on its send's row only.
 */
public record StoredMessage(String id, String chatId, long seq, String senderId, String text, Instant sentAt,
		boolean deleted, String clientMessageId, long generation, Instant editedAt, String replyToId,
		List<String> mentions, SystemLine system) {

	public StoredMessage {
		mentions = (mentions != null) ? List.copyOf(mentions) : List.of();
	}

	/** A row that is neither an edit nor a reply. */
	public StoredMessage(String id, String chatId, long seq, String senderId, String text, Instant sentAt,
			boolean deleted, String clientMessageId, long generation) {
		this(id, chatId, seq, senderId, text, sentAt, deleted, clientMessageId, generation, null, null, List.of(),
				null);
	}

}
