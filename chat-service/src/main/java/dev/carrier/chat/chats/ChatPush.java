package dev.carrier.chat.chats;

import dev.carrier.chat.realtime.Push;

/**
 * {@code {"type":"chat.created"|"chat.updated","chat":{...}}} for the members' sockets.
 */
public record ChatPush(String type, Chat chat) implements Push {

	static ChatPush created(Chat chat) {
		return new ChatPush("chat.created", chat);
	}

	static ChatPush updated(Chat chat) {
		return new ChatPush("chat.updated", chat);
	}

}
