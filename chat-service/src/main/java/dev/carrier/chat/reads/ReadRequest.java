package dev.carrier.chat.reads;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * {@code {seq}}: the newest message the reader has seen.
 */
public record ReadRequest(@NotNull @Min(0) Long seq) {
}
