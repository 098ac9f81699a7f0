package dev.carrier.persistence.flush;

/**
 * MySQL still lacks some of a chat's messages (they are in flight on Kafka) after the flush waited
 * its bound: the chat stays cached and the error handler retries the expiry later.
 */
public class FlushIncomplete extends RuntimeException {

	public FlushIncomplete(String chatId, long stored, long lastSeq) {
		super("Chat " + chatId + ": MySQL holds " + stored + " of its " + lastSeq + " messages");
	}

}
