package dev.carrier.persistence.messages;

/** A message and the client id its sender retried it with, as hydration needs them. */
public record RecentMessage(MessageView message, String clientMessageId) {
}
