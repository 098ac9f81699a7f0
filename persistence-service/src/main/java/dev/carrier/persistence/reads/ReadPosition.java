package dev.carrier.persistence.reads;

/** A member's last read seq in a chat. */
public record ReadPosition(String chatId, String userId, long seq) {
}
