package dev.carrier.gateway.feeds;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * One event's text, encoded once as the WebSocket text frame the gateway sends every
 * client it goes to (RFC 6455, section 5.2: final fragment, opcode 1, unmasked as a
 * server sends it, the length in 7, 16 or 64 bits), so that the frame encoder of each
 * client's connection neither allocates nor copies it again for each of them.
 *
 * @param frame the whole frame: header, then the text
 * @param headerLength the bytes before the text
 */
record EncodedText(ByteBuf frame, int headerLength) {

	private static final int FINAL_TEXT = 0x80 | 0x1;

	private static final int LENGTH_16 = 126;

	private static final int LENGTH_64 = 127;

	/** The frame around {@code text}, which is copied (once) and left as it was. */
	static EncodedText of(ByteBufAllocator allocator, ByteBuf text) {
		int length = text.readableBytes();
		int headerLength = headerLength(length);
		ByteBuf frame = allocator.buffer(headerLength + length);
		frame.writeByte(FINAL_TEXT);
		if (length < LENGTH_16) {
			frame.writeByte(length);
		}
		else if (length <= 0xFFFF) {
			frame.writeByte(LENGTH_16);
			frame.writeShort(length);
		}
		else {
			frame.writeByte(LENGTH_64);
			frame.writeLong(length);
		}
		frame.writeBytes(text, text.readerIndex(), length);
		return new EncodedText(frame, headerLength);
	}

	static int headerLength(int textLength) {
		if (textLength < LENGTH_16) {
			return 2;
		}
		return (textLength <= 0xFFFF) ? 4 : 10;
	}

	/** The text alone, sharing the frame's memory: a new reference. */
	ByteBuf retainedText() {
		return this.frame.retainedSlice(this.headerLength, this.frame.writerIndex() - this.headerLength);
	}

}
