package dev.carrier.chat.messages;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * {@code {text, clientMessageId}}; text is 1–4000 characters after trimming (checked by
 * the service, since trimming comes first), clientMessageId makes retries safe.
 */
public record SendMessageRequest(@NotNull @Size(max = 16000) String text,
		@NotBlank @Size(max = 64) String clientMessageId) {
}
