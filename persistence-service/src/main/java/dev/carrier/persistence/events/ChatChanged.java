package dev.carrier.persistence.events;

import java.time.Instant;
import java.util.List;

/** {@code carrier.chat.chat-changed}: a snapshot of a chat and its members. */
public record ChatChanged(String eventId, Instant occurredAt, Chat chat) implements Event {

	public record Chat(String id, String type, String name, List<String> memberIds, Instant createdAt,
			String directKey) {
	}

	@Override
	public void requireComplete() {
		Event.require(this.chat, "chat");
		Event.require(this.chat.id(), "chat.id");
		Event.require(this.chat.type(), "chat.type");
		Event.require(this.chat.memberIds(), "chat.memberIds");
		Event.require(this.chat.createdAt(), "chat.createdAt");
	}

}
