package dev.carrier.auth.events;

import java.time.Instant;
import java.util.UUID;

/** An uploaded avatar's bytes, keyed by user id on {@link Topics#AVATAR_UPLOADED}. */
public record AvatarUploaded(UUID eventId, Instant occurredAt, String userId, String contentType, long version,
		String bytesBase64) {

	@Override
	public String toString() {
		return "AvatarUploaded[eventId=" + this.eventId + ", userId=" + this.userId + ", version=" + this.version + "]";
	}

}
