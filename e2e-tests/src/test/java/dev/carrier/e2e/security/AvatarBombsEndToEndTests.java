package dev.carrier.e2e.security;

import static dev.carrier.e2e.support.CarrierApi.env;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import org.junit.jupiter.api.Test;

import dev.carrier.e2e.support.CarrierApi;
import dev.carrier.e2e.support.TestUser;

/**
 * The attack: 50 profile photos at once that are small on the wire and enormous once
 * decoded (PNG headers declaring 60,000 × 60,000 pixels, and 4,096 × 4,096 at 16 bits per
 * channel). Expected: every one refused with a 4xx problem (or a 503 with Retry-After
 * from the bounded decoder), and auth-service UP afterwards (a normal photo:
 * AvatarBombIntegrationTests).
 */
class AvatarBombsEndToEndTests {

	private static final URI AUTH = URI.create(env("CARRIER_AUTH_URL", "http://127.0.0.1:8081"));

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@Test
	void fiftyParallelBombsAreRefusedAndAuthServiceStaysUp() throws Exception {
		TestUser user = TestUser.signUp("bomber");
		byte[] huge = png(60_000, 60_000, 8, 2);
		byte[] deep = png(4096, 4096, 16, 6);

		List<CompletableFuture<Integer>> uploads = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			HttpRequest upload = HttpRequest.newBuilder(CarrierApi.BASE.resolve("/api/users/me/avatar"))
				.header("Authorization", "Bearer " + user.token())
				.header("Content-Type", "image/png")
				.PUT(HttpRequest.BodyPublishers.ofByteArray(i % 2 == 0 ? huge : deep))
				.build();
			uploads.add(HTTP.sendAsync(upload, BodyHandlers.ofString()).thenApply(reply -> {
				assertThat(reply.headers().firstValue("Content-Type").orElse(""))
					.startsWith("application/problem+json");
				return reply.statusCode();
			}));
		}
		List<Integer> statuses = uploads.stream().map(CompletableFuture::join).toList();

		assertThat(statuses).allMatch(status -> (status >= 400 && status < 500) || status == 503, "a refusal");
		assertThat(statuses).filteredOn(status -> status == 400).isNotEmpty();
		var health = HTTP.send(HttpRequest.newBuilder(AUTH.resolve("/actuator/health")).build(),
				BodyHandlers.ofString());
		assertThat(health.body()).contains("\"UP\"");
		assertThat(CarrierApi.get("/api/users/me", user.token()).json().path("user").path("avatarUrl").isNull())
			.isTrue();
	}

	/**
	 * A PNG whose header declares {@code width × height}; its one IDAT holds a little
	 * compressed data.
	 */
	static byte[] png(int width, int height, int bitDepth, int colourType) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' });
		ByteArrayOutputStream header = new ByteArrayOutputStream();
		DataOutputStream ihdr = new DataOutputStream(header);
		ihdr.writeInt(width);
		ihdr.writeInt(height);
		ihdr.write(new byte[] { (byte) bitDepth, (byte) colourType, 0, 0, 0 });
		chunk(out, "IHDR", header.toByteArray());
		Deflater deflater = new Deflater(9);
		deflater.setInput(new byte[1 << 20]);
		deflater.finish();
		byte[] compressed = new byte[1 << 16];
		int length = deflater.deflate(compressed);
		chunk(out, "IDAT", java.util.Arrays.copyOf(compressed, length));
		chunk(out, "IEND", new byte[0]);
		return out.toByteArray();
	}

	private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
		DataOutputStream chunk = new DataOutputStream(out);
		chunk.writeInt(data.length);
		byte[] name = type.getBytes(StandardCharsets.US_ASCII);
		chunk.write(name);
		chunk.write(data);
		CRC32 crc = new CRC32();
		crc.update(name);
		crc.update(data);
		chunk.writeInt((int) crc.getValue());
	}

}
