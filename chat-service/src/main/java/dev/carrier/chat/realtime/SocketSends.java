package dev.carrier.chat.realtime;

import tools.jackson.databind.JsonNode;

/**
 * What a socket's {@code {"type":"send"}} frame does: the same durable send as
 * {@code POST /api/chats/{chatId}/messages}, answered with a frame for that socket alone.
 * The web feature implements it, since it owns the request checks and the translation of
 * errors into problem documents; the realtime feature only carries the frames (the
 * messages feature pushes through realtime, so realtime cannot call it directly).
 */
public interface SocketSends {

	/**
	 * Sends the message the frame carries, as the socket's user, and waits for it to be
	 * durable.
	 * @param userId the user the socket authenticated as
	 * @param frame the client's frame: {@code chatId} and the POST's body
	 * @return the answer frame's JSON: {@code sent} with the message, or
	 * {@code send.failed} with a problem document; never an exception
	 */
	String send(String userId, JsonNode frame);

}
