package dev.carrier.chat.messages;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The public message: {@code {id, chatId, seq, senderId, text, sentAt, deleted,
 * editedAt}} ({@code editedAt} null until edited); also its form in the Redis list (where
 * an unedited entry has no {@code editedAt}) and in persistence-service's answers.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Message(String id, String chatId, long seq, String senderId, String text, Instant sentAt, boolean deleted,
		Instant editedAt) {
}
