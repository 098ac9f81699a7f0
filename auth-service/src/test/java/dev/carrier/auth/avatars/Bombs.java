package dev.carrier.auth.avatars;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Decompression bombs: small, well-formed PNGs that declare (and may really hold) huge
 * images.
 */
final class Bombs {

	private Bombs() {
	}

	/**
	 * A real, valid PNG of {@code size}x{@code size} at 16 bits per channel RGBA, all
	 * zero: a few hundred kilobytes that decode to size * size * 8 bytes (134 MB at
	 * 4096).
	 */
	static byte[] zeroPng16(int size) {
		Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
		byte[] row = new byte[1 + size * 8];
		ByteArrayOutputStream idat = new ByteArrayOutputStream();
		byte[] buffer = new byte[64 * 1024];
		for (int y = 0; y < size; y++) {
			deflater.setInput(row);
			while (!deflater.needsInput()) {
				idat.write(buffer, 0, deflater.deflate(buffer));
			}
		}
		deflater.finish();
		while (!deflater.finished()) {
			idat.write(buffer, 0, deflater.deflate(buffer));
		}
		deflater.end();
		return png(size, size, 16, 6, idat.toByteArray());
	}

	/**
	 * A PNG whose header declares {@code width}x{@code height} over a few bytes of data.
	 */
	static byte[] hugeHeaderPng(int width, int height) {
		Deflater deflater = new Deflater();
		deflater.setInput(new byte[64]);
		deflater.finish();
		byte[] data = new byte[128];
		int length = deflater.deflate(data);
		deflater.end();
		return png(width, height, 8, 2, java.util.Arrays.copyOf(data, length));
	}

	private static byte[] png(int width, int height, int bitDepth, int colorType, byte[] idat) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' });
		ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height);
		ihdr.put((byte) bitDepth).put((byte) colorType).put((byte) 0).put((byte) 0).put((byte) 0);
		chunk(out, "IHDR", ihdr.array());
		chunk(out, "IDAT", idat);
		chunk(out, "IEND", new byte[0]);
		return out.toByteArray();
	}

	private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
		byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
		CRC32 crc = new CRC32();
		crc.update(typeBytes);
		crc.update(data);
		out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
		out.writeBytes(typeBytes);
		out.writeBytes(data);
		out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
	}

}
