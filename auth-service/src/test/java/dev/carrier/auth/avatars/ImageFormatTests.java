package dev.carrier.auth.avatars;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ImageFormatTests {

	@Test
	void recognisesTheFourFormatsByTheirMagicBytes() {
		assertThat(ImageFormat.detect(AvatarIntegrationTests.PNG)).contains(ImageFormat.PNG);
		assertThat(ImageFormat.detect(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0 }))
			.contains(ImageFormat.JPEG);
		assertThat(ImageFormat.detect("GIF89a...".getBytes(StandardCharsets.US_ASCII))).contains(ImageFormat.GIF);
		assertThat(ImageFormat.detect("GIF87a...".getBytes(StandardCharsets.US_ASCII))).contains(ImageFormat.GIF);
		assertThat(ImageFormat.detect("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII)))
			.contains(ImageFormat.WEBP);
	}

	@Test
	void refusesEverythingElse() {
		assertThat(ImageFormat.detect(new byte[0])).isEmpty();
		assertThat(ImageFormat.detect(new byte[] { (byte) 0x89, 'P', 'N' })).isEmpty();
		assertThat(ImageFormat.detect("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes())).isEmpty();
		assertThat(ImageFormat.detect("RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.US_ASCII))).isEmpty();
		assertThat(ImageFormat.detect("GIF90a".getBytes(StandardCharsets.US_ASCII))).isEmpty();
	}

}
