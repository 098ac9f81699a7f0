package dev.carrier.chat.messages;

import org.jspecify.annotations.Nullable;

/**
 * A sent message, and the JSON its push to the members carried when this send pushed it:
 * the sender's answer embeds that same text instead of encoding the message again (issue
 * 17). A retry answered from MySQL pushed nothing and has no JSON.
 */
public record AcknowledgedMessage(Message message, @Nullable String json) {

}
