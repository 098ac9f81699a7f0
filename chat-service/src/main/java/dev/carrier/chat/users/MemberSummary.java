package dev.carrier.chat.users;

/**
 * A chat member as the client sees it.
 */
public record MemberSummary(String id, String username, String avatarUrl) {
}
