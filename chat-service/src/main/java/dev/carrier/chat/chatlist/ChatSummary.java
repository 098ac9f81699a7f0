package dev.carrier.chat.chatlist;

import dev.carrier.chat.chats.Chat;
import dev.carrier.chat.messages.Message;

/**
 * One row of {@code GET /api/chats}: {@code {chat, lastMessage, unread, mentions}}
 * ({@code mentions}: the unread messages that mention the caller). {@code unread} is the
 * chat's last seq minus the caller's read seq: sending marks one's own message read, so
 * one's own messages count only when someone else wrote after them unread.
 */
public record ChatSummary(Chat chat, Message lastMessage, long unread, long mentions) {
}
