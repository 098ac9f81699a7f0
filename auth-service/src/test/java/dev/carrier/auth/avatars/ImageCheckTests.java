package dev.carrier.auth.avatars;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import dev.carrier.auth.avatars.AvatarProblems.InvalidImage;
import dev.carrier.auth.avatars.AvatarProblems.UnsupportedImage;
import dev.carrier.auth.support.Images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ImageCheckTests {

	private static final byte[] PNG_SIGNATURE = Arrays.copyOf(Images.PNG, 8);

	@Test
	void acceptsRealImagesOfEachTypeDeclaredAsThemselves() {
		assertThat(ImageCheck.verify(Images.PNG, "image/png")).isEqualTo(ImageFormat.PNG);
		assertThat(ImageCheck.verify(Images.JPEG, "image/jpeg")).isEqualTo(ImageFormat.JPEG);
		assertThat(ImageCheck.verify(Images.JPEG, "image/jpg")).isEqualTo(ImageFormat.JPEG);
		assertThat(ImageCheck.verify(Images.GIF, "image/gif")).isEqualTo(ImageFormat.GIF);
		assertThat(ImageCheck.verify(Images.pngOfSize(1024 * 1024), "image/png")).isEqualTo(ImageFormat.PNG);
	}

	@Test
	void refusesForgedImagesThatOnlyStartRight() {
		byte[] forged = concat(PNG_SIGNATURE, "this is not an image at all".getBytes(StandardCharsets.US_ASCII));
		assertThatExceptionOfType(InvalidImage.class).isThrownBy(() -> ImageCheck.verify(forged, "image/png"));
		byte[] jpeg = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 'n', 'o', 'p', 'e' };
		assertThatExceptionOfType(InvalidImage.class).isThrownBy(() -> ImageCheck.verify(jpeg, "image/jpeg"));
		byte[] gif = "GIF89a this is not an image".getBytes(StandardCharsets.US_ASCII);
		assertThatExceptionOfType(InvalidImage.class).isThrownBy(() -> ImageCheck.verify(gif, "image/gif"));
		// The 16 bytes the service used to take for a PNG: signature and an IHDR tag,
		// nothing else.
		byte[] ihdrTagOnly = Arrays.copyOf(Images.PNG, 16);
		assertThatExceptionOfType(InvalidImage.class).isThrownBy(() -> ImageCheck.verify(ihdrTagOnly, "image/png"));
	}

	@Test
	void refusesTruncatedAndCorruptedImages() {
		for (byte[] image : new byte[][] { Images.PNG, Images.JPEG, Images.GIF }) {
			String type = "image/" + ImageFormat.detect(image).orElseThrow().name().toLowerCase();
			for (int length : new int[] { image.length - 1, image.length / 2, 20 }) {
				byte[] truncated = Arrays.copyOf(image, length);
				assertThatExceptionOfType(InvalidImage.class).as(type + " cut to " + length)
					.isThrownBy(() -> ImageCheck.verify(truncated, type));
			}
		}
		byte[] badCrc = Images.PNG.clone();
		badCrc[20] ^= 0x01; // inside IHDR's width
		assertThatExceptionOfType(InvalidImage.class).isThrownBy(() -> ImageCheck.verify(badCrc, "image/png"));
	}

	@Test
	void refusesADeclaredTypeThatDoesNotMatchTheBytes() {
		for (String declared : new String[] { "image/jpeg", "image/gif", "image/webp", "image/*", "text/plain",
				"application/octet-stream", "not a type", null }) {
			assertThatExceptionOfType(UnsupportedImage.class).as(String.valueOf(declared))
				.isThrownBy(() -> ImageCheck.verify(Images.PNG, declared));
		}
		assertThatExceptionOfType(UnsupportedImage.class).isThrownBy(() -> ImageCheck.verify(Images.GIF, "image/png"));
		assertThatExceptionOfType(UnsupportedImage.class)
			.isThrownBy(() -> ImageCheck.verify(Images.WEBP_LOSSY, "image/png"));
		assertThatExceptionOfType(UnsupportedImage.class)
			.isThrownBy(() -> ImageCheck.verify("<svg/>".getBytes(StandardCharsets.US_ASCII), "image/svg+xml"));
	}

	@Test
	void refusesImagesLargerThanTheDimensionCap() {
		byte[] wide = Images.write(ImageCheck.MAX_DIMENSION + 1, 1, "png");
		assertThatExceptionOfType(InvalidImage.class).isThrownBy(() -> ImageCheck.verify(wide, "image/png"))
			.withMessageContaining("4096x4096");
		byte[] tall = Images.write(1, ImageCheck.MAX_DIMENSION + 1, "gif");
		assertThatExceptionOfType(InvalidImage.class).isThrownBy(() -> ImageCheck.verify(tall, "image/gif"));
		assertThat(ImageCheck.verify(Images.write(ImageCheck.MAX_DIMENSION, 1, "png"), "image/png"))
			.isEqualTo(ImageFormat.PNG);
	}

	@Test
	void refusesWebPWhichTheServerCannotReEncode() {
		for (byte[] webp : new byte[][] { Images.WEBP_LOSSLESS, Images.WEBP_LOSSY,
				"RIFF\u0010\0\0\0WEBPVP8 \u0004\0\0\0junk".getBytes(StandardCharsets.ISO_8859_1) }) {
			assertThatExceptionOfType(UnsupportedImage.class).isThrownBy(() -> ImageCheck.verify(webp, "image/webp"))
				.withMessageContaining("WebP");
		}
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] result = Arrays.copyOf(first, first.length + second.length);
		System.arraycopy(second, 0, result, first.length, second.length);
		return result;
	}

}
