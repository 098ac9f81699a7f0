package dev.carrier.persistence.attachments;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import dev.carrier.testsupport.TestTrust;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/** Uploads as chat-service makes them, and the images they carry. */
final class Uploads {

	private final RestClient client;

	Uploads(int port) {
		this.client = RestClient.builder()
			.baseUrl("http://127.0.0.1:" + port)
			.defaultHeader("X-Carrier-Service", TestTrust.serviceCredential())
			.build();
	}

	ResponseEntity<String> put(String id, String chatId, String uploaderId, String name, String declaredType,
			byte[] bytes) {
		return this.client.put()
			.uri((uri) -> uri.path("/internal/attachments/{id}")
				.queryParam("chatId", chatId)
				.queryParam("uploaderId", uploaderId)
				.queryParam("name", "{name}")
				.queryParam("declaredType", "{declaredType}")
				.build(id, name, declaredType))
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.body(bytes)
			.retrieve()
			.onStatus((status) -> true, (request, response) -> {
			})
			.toEntity(String.class);
	}

	static byte[] png(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(Color.ORANGE);
		graphics.fillRect(0, 0, width / 2, height);
		graphics.dispose();
		return encode(image, "png");
	}

	/**
	 * A small PNG whose header claims {@code width} x {@code height} pixels: a
	 * decompression bomb as far as a decoder that trusts the header can tell.
	 */
	static byte[] pngClaiming(int width, int height) {
		byte[] png = png(16, 16);
		// IHDR's data starts at byte 16: width, height; its CRC follows the 13 data bytes
		writeInt(png, 16, width);
		writeInt(png, 20, height);
		CRC32 crc = new CRC32();
		crc.update(png, 12, 17);
		writeInt(png, 29, (int) crc.getValue());
		return png;
	}

	private static void writeInt(byte[] bytes, int at, int value) {
		bytes[at] = (byte) (value >>> 24);
		bytes[at + 1] = (byte) (value >>> 16);
		bytes[at + 2] = (byte) (value >>> 8);
		bytes[at + 3] = (byte) value;
	}

	private static byte[] encode(BufferedImage image, String format) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, format, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
