package dev.carrier.persistence.chats;

/** {@code GET /internal/direct-chats}. */
public record DirectChat(String chatId) {
}
