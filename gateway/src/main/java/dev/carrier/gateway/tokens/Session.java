package dev.carrier.gateway.tokens;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** auth-service's answer to {@code GET /internal/sessions/current}; only what the gateway uses. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Session(String userId, String username) {
}
