package dev.carrier.chat.messages;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The public message: {@code {id, chatId, seq, senderId, text, sentAt, deleted}}; also
 * its form in the Redis list and in persistence-service's answers.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Message(String id, String chatId, long seq, String senderId, String text, Instant sentAt,
		boolean deleted) {
}
