package dev.carrier.auth.sessions;

import java.time.Instant;

/**
 * A live session. {@code keyHash} is the SHA-256 of the token: the token itself is never
 * stored.
 */
public record Session(String keyHash, String userId, Instant createdAt, Instant expiresAt) {
}
