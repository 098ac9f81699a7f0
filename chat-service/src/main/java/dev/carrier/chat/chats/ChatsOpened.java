package dev.carrier.chat.chats;

import java.util.List;

/**
 * A member looked at these chats (opened one, listed them, paged through messages):
 * published so the leases feature keeps them cached, without chats depending on it.
 */
public record ChatsOpened(List<String> chatIds) {
}
