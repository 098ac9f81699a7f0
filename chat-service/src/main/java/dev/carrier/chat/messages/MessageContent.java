package dev.carrier.chat.messages;

import java.util.List;

import dev.carrier.chat.attachments.Attachment;
import dev.carrier.chat.events.SystemLine;

/**
 * What an append writes: a person's text, the quote of the message it answers, whom it
 * mentions and the files it carries; or, for a system line, what happened to the chat
 * (with an empty text).
 */
record MessageContent(String text, Quote quote, List<String> mentions, List<Attachment> attachments,
		SystemLine system) {

	MessageContent {
		mentions = List.copyOf(mentions);
		attachments = List.copyOf(attachments);
	}

	/** A text alone. */
	static MessageContent of(String text) {
		return new MessageContent(text, null, List.of(), List.of(), null);
	}

	static MessageContent systemLine(SystemLine line) {
		return new MessageContent("", null, List.of(), List.of(), line);
	}

}
