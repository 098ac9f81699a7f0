package dev.carrier.auth.sessions;

import java.time.Instant;

/** What the gateway and chat-service learn about a bearer token. */
public record CurrentSession(String userId, String username, Instant expiresAt) {
}
