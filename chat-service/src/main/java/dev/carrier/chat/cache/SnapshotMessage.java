package dev.carrier.chat.cache;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A message of a snapshot, in the shape the cached list stores (the same fields, in the
 * same order, as messages.Message): the cache installs it without depending on the
 * messages feature, which depends on the cache through chats. A missing quote, empty
 * reactions and no mentions are left out of the entry, as the Lua scripts leave them out:
 * Redis's Lua would turn an empty array into an object when it rewrites the entry.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record SnapshotMessage(String id, String chatId, long seq, String senderId, String text, Instant sentAt,
		boolean deleted, Instant editedAt, @JsonInclude(JsonInclude.Include.NON_NULL) Quote replyTo,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) List<Reaction> reactions,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> mentions,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) List<Attachment> attachments,
		@JsonInclude(JsonInclude.Include.NON_NULL) SystemLine system) {

	SnapshotMessage(String id, String chatId, long seq, String senderId, String text, Instant sentAt, boolean deleted,
			Instant editedAt) {
		this(id, chatId, seq, senderId, text, sentAt, deleted, editedAt, null, List.of(), List.of(), List.of(), null);
	}

	/** {@code {id, seq, senderId, excerpt, deleted}}, as messages.Quote. */
	record Quote(String id, long seq, String senderId, String excerpt, boolean deleted) {
	}

	/** {@code {id, name, type, size, width, height}}, as attachments.Attachment. */
	record Attachment(String id, String name, String type, long size, Integer width, Integer height) {
	}

	/** {@code {type, userIds}}, as events.SystemLine. */
	record SystemLine(String type, List<String> userIds, Map<String, String> names) {
	}

	/** {@code {emoji, count, userIds}}, as messages.Reaction. */
	record Reaction(String emoji, int count, List<String> userIds) {
	}

}
