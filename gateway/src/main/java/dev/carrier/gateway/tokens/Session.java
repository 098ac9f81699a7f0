package dev.carrier.gateway.tokens;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * auth-service's answer to {@code GET /internal/sessions/current}; only what the gateway
 * uses. {@code expiresAt} is the session's absolute end: no cache keeps it past that.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Session(String userId, String username, Instant expiresAt) {
}
