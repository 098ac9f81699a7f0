package dev.carrier.bench;

/**
 * The frame that sends a message over the socket (docs/api.md, "Sending over the
 * socket"), written by the JSON library so that any text survives the trip.
 */
record SendFrame(String type, String chatId, String clientMessageId, String text) {

	static String json(String chatId, String clientMessageId, String text) {
		return Api.JSON.writeValueAsString(new SendFrame("send", chatId, clientMessageId, text));
	}

}
