package dev.carrier.chat.events;

import java.time.Instant;
import java.util.List;

/**
 * The message as {@code MessageSent} carries it: the public message, the client's id, and
 * the generation of the chat's cached incarnation that handed out its seq (0 before any
 * reload), the id of the message it replies to (null when it is no reply) and the ids of
 * the members it mentions, the ids of the attachments it carries, in order, and what a
 * system line says (null for a person's message).
 */
public record SentMessage(String id, String chatId, long seq, String senderId, String text, Instant sentAt,
		String clientMessageId, long generation, String replyToId, List<String> mentions, List<String> attachmentIds,
		SystemLine system) {
}
