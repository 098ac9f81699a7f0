package dev.carrier.persistence.messages;

import java.time.Instant;
import java.util.List;

import dev.carrier.persistence.attachments.Attachment;
import dev.carrier.persistence.events.SystemLine;
import dev.carrier.persistence.reactions.Reaction;

/**
 * A message as the public API shows it: the JSON of {@code GET
 * /internal/chats/{id}/messages} and of a snapshot's recent messages ({@code editedAt}
 * null until edited, {@code replyTo} null unless it answers another message,
 * {@code reactions}, {@code mentions} and {@code attachments} empty for a deleted
 * message, {@code system} set on a system line only).
 */
public record MessageView(String id, String chatId, long seq, String senderId, String text, Instant sentAt,
		boolean deleted, Instant editedAt, ReplyTo replyTo, List<Reaction> reactions, List<String> mentions,
		List<Attachment> attachments, SystemLine system) {

	/**
	 * The message a reply answers, as it is now: {@code excerpt} is the start of its
	 * current text (so its edits show), empty once it is deleted.
	 */
	public record ReplyTo(String id, long seq, String senderId, String excerpt, boolean deleted) {

		/** In UTF-16 chars, never cutting a surrogate pair in two. */
		static final int EXCERPT_LENGTH = 120;

		static String excerpt(String text) {
			if (text.length() <= EXCERPT_LENGTH) {
				return text;
			}
			int end = Character.isHighSurrogate(text.charAt(EXCERPT_LENGTH - 1)) ? EXCERPT_LENGTH - 1 : EXCERPT_LENGTH;
			return text.substring(0, end);
		}

	}

}
