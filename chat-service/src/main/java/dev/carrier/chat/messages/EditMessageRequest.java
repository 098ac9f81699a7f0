package dev.carrier.chat.messages;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * {@code {text}}: the new text, 1–4000 characters after trimming (checked by the service,
 * since trimming comes first).
 */
public record EditMessageRequest(@NotNull @Size(max = 16000) String text) {
}
