package dev.carrier.chat.realtime;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.carrier.chat.chats.Chat;
import dev.carrier.chat.messages.Message;

/**
 * The events pushed to WebSocket clients (docs/api.md, "Real time"): {@code {type, ...}}.
 */
public final class Push {

	private Push() {
	}

	public static Map<String, Object> messageCreated(Message message) {
		return event("message.created", "message", message);
	}

	public static Map<String, Object> messageDeleted(String chatId, String messageId) {
		Map<String, Object> event = event("message.deleted", "chatId", chatId);
		event.put("messageId", messageId);
		return event;
	}

	public static Map<String, Object> chatCreated(Chat chat) {
		return event("chat.created", "chat", chat);
	}

	public static Map<String, Object> chatUpdated(Chat chat) {
		return event("chat.updated", "chat", chat);
	}

	public static Map<String, Object> read(String chatId, String userId, long seq) {
		Map<String, Object> event = event("read", "chatId", chatId);
		event.put("userId", userId);
		event.put("seq", seq);
		return event;
	}

	public static Map<String, Object> typing(String chatId, String userId) {
		Map<String, Object> event = event("typing", "chatId", chatId);
		event.put("userId", userId);
		return event;
	}

	/**
	 * Whether an event of this type is a hint: a client that misses one loses nothing (the next
	 * repeats it, and nothing fills gaps with it), so it may be dropped for a slow client.
	 */
	public static boolean isHint(String type) {
		return "typing".equals(type);
	}

	private static Map<String, Object> event(String type, String key, Object value) {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("type", type);
		event.put(key, value);
		return event;
	}

}
