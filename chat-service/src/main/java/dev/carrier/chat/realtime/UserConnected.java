package dev.carrier.chat.realtime;

/**
 * The user's first authenticated socket on this instance opened (presence counts it; it
 * may have others on other instances).
 */
public record UserConnected(String userId) {
}
