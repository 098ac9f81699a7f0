package dev.carrier.chat.realtime;

import java.nio.ByteBuffer;

import org.springframework.web.socket.BinaryMessage;

/**
 * One frame on a gateway's feed ({@link GatewayFeed}), a binary WebSocket message: a
 * flags byte (1: a hint, which the gateway drops for a client that is behind), the number
 * of sockets as a 4-byte int, each socket's number as an 8-byte long, then the text frame
 * those sockets get, as its UTF-8 bytes, to the end. The gateway copies the text out as
 * it is: nothing in it is parsed on the way.
 */
final class FeedFrame {

	static final byte HINT = 1;

	private FeedFrame() {
	}

	static BinaryMessage of(boolean hint, long[] sockets, int count, byte[] frame) {
		ByteBuffer buffer = ByteBuffer.allocate(1 + Integer.BYTES + count * Long.BYTES + frame.length);
		buffer.put(hint ? HINT : 0).putInt(count);
		for (int i = 0; i < count; i++) {
			buffer.putLong(sockets[i]);
		}
		buffer.put(frame).flip();
		return new BinaryMessage(buffer);
	}

}
