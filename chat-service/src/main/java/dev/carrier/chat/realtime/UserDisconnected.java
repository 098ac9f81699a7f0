package dev.carrier.chat.realtime;

/**
 * The user's last socket on this instance closed (a logout closes it through
 * {@code SessionWatch}); they may still have sockets on other instances.
 */
public record UserDisconnected(String userId) {
}
