package dev.carrier.auth.support;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

/**
 * Real, tiny images of each accepted type, made with ImageIO (WebP, which it cannot
 * write, as bytes).
 */
public final class Images {

	public static final byte[] PNG = write(4, 3, "png");

	public static final byte[] JPEG = write(4, 3, "jpeg");

	public static final byte[] GIF = write(4, 3, "gif");

	/** A 1x1 lossless WebP. */
	public static final byte[] WEBP_LOSSLESS = Base64.getDecoder()
		.decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

	/** A 1x1 lossy WebP. */
	public static final byte[] WEBP_LOSSY = Base64.getDecoder()
		.decode("UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA");

	private Images() {
	}

	public static byte[] write(int width, int height, String format) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		image.setRGB(0, 0, Color.ORANGE.getRGB());
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			if (!ImageIO.write(image, format, out)) {
				throw new IllegalStateException("No writer for " + format);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/**
	 * {@link #PNG} grown to exactly {@code size} bytes by a private ancillary chunk
	 * before IEND.
	 */
	public static byte[] pngOfSize(int size) {
		int iend = PNG.length - 12;
		int padding = size - PNG.length - 12;
		ByteBuffer chunk = ByteBuffer.allocate(12 + padding);
		chunk.putInt(padding).put("zzPd".getBytes(StandardCharsets.US_ASCII)).put(new byte[padding]);
		CRC32 crc = new CRC32();
		crc.update(chunk.array(), 4, 4 + padding);
		chunk.putInt((int) crc.getValue());
		byte[] result = Arrays.copyOf(PNG, size);
		System.arraycopy(chunk.array(), 0, result, iend, chunk.capacity());
		System.arraycopy(PNG, iend, result, iend + chunk.capacity(), 12);
		return result;
	}

}
