package dev.carrier.chat.chats;

import java.time.Instant;
import java.util.List;

import dev.carrier.chat.shared.ChatType;
import dev.carrier.chat.users.MemberSummary;

/**
 * The public chat: {@code {id, type, name, members: [{id, username, avatarUrl}],
 * createdAt}}.
 */
public record Chat(String id, ChatType type, String name, List<MemberSummary> members, Instant createdAt) {
}
