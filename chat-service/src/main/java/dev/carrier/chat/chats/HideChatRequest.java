package dev.carrier.chat.chats;

import jakarta.validation.constraints.NotNull;

/**
 * {@code {hidden}}: true hides the direct chat from the caller's list, false shows it.
 */
public record HideChatRequest(@NotNull Boolean hidden) {
}
