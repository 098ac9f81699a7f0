package dev.carrier.chat.reads;

import dev.carrier.chat.realtime.Push;

/**
 * {@code {"type":"read","chatId","userId","seq"}}: a member's read position moved
 * forward.
 */
public record ReadPush(String type, String chatId, String userId, long seq) implements Push {

	ReadPush(String chatId, String userId, long seq) {
		this("read", chatId, userId, seq);
	}

}
