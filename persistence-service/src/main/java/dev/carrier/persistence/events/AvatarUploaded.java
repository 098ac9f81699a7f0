package dev.carrier.persistence.events;

import java.time.Instant;

/**
 * {@code carrier.auth.avatar-uploaded}: an uploaded image; a higher {@code version} wins.
 */
public record AvatarUploaded(String eventId, Instant occurredAt, String userId, String contentType, long version,
		String bytesBase64) implements Event {

	@Override
	public void requireComplete() {
		Event.require(this.userId, "userId");
		Event.require(this.contentType, "contentType");
		Event.require(this.bytesBase64, "bytesBase64");
	}

	@Override
	public String toString() {
		return "AvatarUploaded[eventId=" + this.eventId + ", userId=" + this.userId + ", version=" + this.version + "]";
	}

}
