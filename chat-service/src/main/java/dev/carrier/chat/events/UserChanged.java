package dev.carrier.chat.events;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Consumed from {@code carrier.auth.user-changed}; only the user's id and presence
 * setting matter here, fresh member summaries come from auth-service.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UserChanged(String eventId, Instant occurredAt, ChangedUser user) {

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record ChangedUser(String id, String username, Boolean presenceHidden) {
	}

}
