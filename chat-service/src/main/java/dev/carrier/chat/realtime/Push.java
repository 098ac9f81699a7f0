package dev.carrier.chat.realtime;

/**
 * An event pushed to WebSocket clients (docs/api.md, "Real time"): a record whose first
 * component is its {@code type}, so it reads {@code {type, ...}} on the wire. Each
 * feature defines the pushes of its own events; the fan-out needs only this.
 */
public interface Push {

	String type();

	/**
	 * Whether an event of this type is a hint: a client that misses one loses nothing
	 * (the next repeats it, and nothing fills gaps with it), so it may be dropped for a
	 * slow client.
	 */
	static boolean isHint(String type) {
		return TypingPush.TYPE.equals(type);
	}

}
