package dev.carrier.persistence.messages;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import dev.carrier.persistence.attachments.Attachment;
import dev.carrier.persistence.attachments.Attachments;
import dev.carrier.persistence.reactions.Reaction;
import dev.carrier.persistence.reactions.Reactions;

import org.springframework.stereotype.Component;

/**
 * Turns stored rows into what the API shows, for a whole page or snapshot at once: one
 * query for the originals the replies answer, one for the reactions, one for the
 * attachments, however many messages.
 */
@Component
class MessageViews {

	private final MessageStore store;

	private final Reactions reactions;

	private final Attachments attachments;

	MessageViews(MessageStore store, Reactions reactions, Attachments attachments) {
		this.store = store;
		this.reactions = reactions;
		this.attachments = attachments;
	}

	List<MessageView> of(List<MessageRow> rows) {
		Set<String> originalIds = rows.stream()
			.map(MessageRow::replyToId)
			.filter(Objects::nonNull)
			.collect(Collectors.toSet());
		Map<String, MessageRow> originals = this.store.byIds(originalIds);
		// a deleted message's reactions are not shown, so they are not read either
		Set<String> shown = rows.stream()
			.filter((row) -> !row.deleted())
			.map(MessageRow::id)
			.collect(Collectors.toSet());
		Map<String, List<Reaction>> reactions = this.reactions.of(shown);
		Map<String, List<Attachment>> attachments = this.attachments.ofMessages(shown);
		return rows.stream()
			.map((row) -> row.toView(row.deleted() ? null : replyTo(row, originals),
					reactions.getOrDefault(row.id(), List.of()), attachments.getOrDefault(row.id(), List.of())))
			.toList();
	}

	/**
	 * A deleted message shows nothing of what it said, its quote included (as
	 * chat-service's tombstone). The original is always an earlier message of the same
	 * chat, stored before the reply (one partition per chat). One that is missing, or of
	 * another chat, is shown as no original at all rather than leaking another chat's
	 * text.
	 */
	private static MessageView.ReplyTo replyTo(MessageRow reply, Map<String, MessageRow> originals) {
		if (reply.replyToId() == null) {
			return null;
		}
		MessageRow original = originals.get(reply.replyToId());
		if (original == null || !original.chatId().equals(reply.chatId())) {
			return null;
		}
		return original.toReplyTo();
	}

}
