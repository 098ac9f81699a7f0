package dev.carrier.chat.users;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The owner of a session token, from auth-service.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SessionInfo(String userId, String username) {
}
