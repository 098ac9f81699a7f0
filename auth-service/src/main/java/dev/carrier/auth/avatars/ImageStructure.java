package dev.carrier.auth.avatars;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import dev.carrier.auth.avatars.AvatarProblems.InvalidImage;

/**
 * Walks one format's structure byte by byte (dimensions, chunk lengths and checksums, the
 * end marker) without decoding anything, for {@link ImageCheck}; a damaged or forged
 * image is an {@link InvalidImage}.
 */
final class ImageStructure {

	private ImageStructure() {
	}

	/** Signature, IHDR first, every chunk whole with a valid CRC, IEND at the end. */
	static Dimensions png(byte[] bytes) {
		int at = 8;
		Dimensions dimensions = null;
		CRC32 crc = new CRC32();
		while (true) {
			need(bytes, at, 8);
			long length = u32(bytes, at);
			String type = new String(bytes, at + 4, 4, StandardCharsets.ISO_8859_1);
			if (length > bytes.length - at - 12) {
				throw invalid();
			}
			int data = at + 8;
			int end = data + (int) length;
			crc.reset();
			crc.update(bytes, at + 4, 4 + (int) length);
			if (crc.getValue() != u32(bytes, end)) {
				throw invalid();
			}
			if (dimensions == null) {
				if (!type.equals("IHDR") || length != 13) {
					throw invalid();
				}
				dimensions = new Dimensions(u32(bytes, data), u32(bytes, data + 4));
			}
			if (type.equals("IEND")) {
				return dimensions;
			}
			at = end + 4;
		}
	}

	/** SOI, well-formed segments, a SOF with the dimensions, a scan, EOI. */
	static Dimensions jpeg(byte[] bytes) {
		int at = 2;
		Dimensions dimensions = null;
		boolean scanned = false;
		while (true) {
			need(bytes, at, 2);
			if ((bytes[at] & 0xFF) != 0xFF) {
				throw invalid();
			}
			int marker = bytes[at + 1] & 0xFF;
			if (marker == 0xFF) {
				at++; // fill byte
				continue;
			}
			at += 2;
			if (marker == 0xD9) {
				if (dimensions == null || !scanned) {
					throw invalid();
				}
				return dimensions;
			}
			if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
				continue;
			}
			need(bytes, at, 2);
			int length = u16(bytes, at);
			if (length < 2) {
				throw invalid();
			}
			need(bytes, at, length);
			boolean sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
			if (sof) {
				if (length < 8) {
					throw invalid();
				}
				dimensions = new Dimensions(u16(bytes, at + 5), u16(bytes, at + 3));
			}
			at += length;
			if (marker == 0xDA) {
				if (dimensions == null) {
					throw invalid();
				}
				scanned = true;
				// Entropy-coded data runs to the next marker that is neither stuffing nor
				// a restart.
				while (true) {
					need(bytes, at, 2);
					if ((bytes[at] & 0xFF) == 0xFF) {
						int next = bytes[at + 1] & 0xFF;
						if (next != 0x00 && next != 0xFF && !(next >= 0xD0 && next <= 0xD7)) {
							break;
						}
					}
					at++;
				}
			}
		}
	}

	/**
	 * Header, logical screen, at least one image, every block whole, the 0x3B trailer.
	 */
	static Dimensions gif(byte[] bytes) {
		need(bytes, 6, 7);
		Dimensions dimensions = new Dimensions(u16le(bytes, 6), u16le(bytes, 8));
		int flags = bytes[10] & 0xFF;
		int at = 13 + colorTable(flags);
		boolean image = false;
		while (true) {
			need(bytes, at, 1);
			int block = bytes[at] & 0xFF;
			if (block == 0x3B) {
				if (!image) {
					throw invalid();
				}
				return dimensions;
			}
			if (block == 0x21) {
				need(bytes, at, 2);
				at = subBlocks(bytes, at + 2);
			}
			else if (block == 0x2C) {
				need(bytes, at, 10);
				int width = u16le(bytes, at + 5);
				int height = u16le(bytes, at + 7);
				if (width > ImageCheck.MAX_DIMENSION || height > ImageCheck.MAX_DIMENSION) {
					throw invalid();
				}
				at += 10 + colorTable(bytes[at + 9] & 0xFF);
				need(bytes, at, 1); // LZW minimum code size
				at = subBlocks(bytes, at + 1);
				image = true;
			}
			else {
				throw invalid();
			}
		}
	}

	private static int colorTable(int flags) {
		return ((flags & 0x80) != 0) ? 3 * (1 << ((flags & 0x07) + 1)) : 0;
	}

	private static int subBlocks(byte[] bytes, int at) {
		while (true) {
			need(bytes, at, 1);
			int size = bytes[at] & 0xFF;
			at++;
			if (size == 0) {
				return at;
			}
			need(bytes, at, size);
			at += size;
		}
	}

	private static InvalidImage invalid() {
		return new InvalidImage("The image is damaged or not really an image");
	}

	private static void need(byte[] bytes, int at, long count) {
		if (at < 0 || at + count > bytes.length) {
			throw invalid();
		}
	}

	private static long u32(byte[] b, int at) {
		need(b, at, 4);
		return ((b[at] & 0xFFL) << 24) | ((b[at + 1] & 0xFFL) << 16) | ((b[at + 2] & 0xFFL) << 8) | (b[at + 3] & 0xFFL);
	}

	private static int u16(byte[] b, int at) {
		need(b, at, 2);
		return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
	}

	private static int u16le(byte[] b, int at) {
		need(b, at, 2);
		return (b[at] & 0xFF) | ((b[at + 1] & 0xFF) << 8);
	}

	record Dimensions(long width, long height) {
	}

}
