package dev.carrier.chat.realtime;

/**
 * An authenticated socket said its user is typing in a chat (within the socket's typing
 * interval). Whether the user is a member, and who hears it, is the chats feature's to
 * decide.
 */
public record TypingNoticeReceived(String userId, String chatId) {
}
