package dev.carrier.persistence.messages;

import java.util.List;
import java.util.Map;

/**
 * What a snapshot needs of its chats' newest messages, per chat id.
 *
 * @param messages the newest messages, oldest first
 * @param clientIds {@code <senderId>:<clientMessageId>} to message id for the newest
 * messages (a wider window than {@code messages})
 */
public record RecentMessages(Map<String, List<MessageView>> messages, Map<String, Map<String, String>> clientIds) {
}
