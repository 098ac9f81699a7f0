package dev.carrier.auth.avatars;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import dev.carrier.auth.avatars.AvatarProblems.DecodingBusy;
import dev.carrier.auth.avatars.AvatarProblems.ImageTooLarge;
import dev.carrier.auth.support.Images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AvatarRendererTests {

	private final AvatarRenderer renderer = new AvatarRenderer(
			new AvatarProperties(DataSize.ofMegabytes(1), 12_000_000, 2, Duration.ofSeconds(2)));

	@Test
	void aLargePhotoBecomesAJpegThatFitsTheBoxWithItsAspectKept() throws Exception {
		Rendition rendition = this.renderer.render(Images.write(2000, 1000, "png"), ImageFormat.PNG);
		assertThat(rendition.contentType()).isEqualTo("image/jpeg");
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(rendition.bytes()));
		assertThat(image.getWidth()).isEqualTo(512);
		assertThat(image.getHeight()).isEqualTo(256);
		BufferedImage tall = ImageIO.read(new ByteArrayInputStream(
				this.renderer.render(Images.write(300, 1500, "gif"), ImageFormat.GIF).bytes()));
		assertThat(tall.getWidth()).isEqualTo(102);
		assertThat(tall.getHeight()).isEqualTo(512);
	}

	@Test
	void aSmallImageIsReEncodedButNeverEnlargedAndTransparencyStaysPng() throws Exception {
		BufferedImage transparent = new BufferedImage(40, 30, BufferedImage.TYPE_INT_ARGB);
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		ImageIO.write(transparent, "png", png);
		Rendition rendition = this.renderer.render(png.toByteArray(), ImageFormat.PNG);
		assertThat(rendition.contentType()).isEqualTo("image/png");
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(rendition.bytes()));
		assertThat(image.getWidth()).isEqualTo(40);
		assertThat(image.getColorModel().hasAlpha()).isTrue();
		// Whatever else the upload carried (here 4 KB in a private chunk) is not kept.
		assertThat(this.renderer.render(Images.pngOfSize(4096), ImageFormat.PNG).bytes()).hasSizeLessThan(1024);
	}

	@Test
	void tooManyDeclaredPixelsAreRefusedFromTheHeaderAlone() {
		// 4000 x 4000 declared over a few bytes of data: only the header is read.
		assertThatExceptionOfType(ImageTooLarge.class)
			.isThrownBy(() -> this.renderer.render(Bombs.hugeHeaderPng(4000, 4000), ImageFormat.PNG));
		AvatarRenderer strict = new AvatarRenderer(
				new AvatarProperties(DataSize.ofMegabytes(1), 100 * 100, 2, Duration.ofSeconds(1)));
		assertThatExceptionOfType(ImageTooLarge.class)
			.isThrownBy(() -> strict.render(Images.write(101, 100, "png"), ImageFormat.PNG));
		assertThat(strict.render(Images.write(100, 100, "png"), ImageFormat.PNG).bytes()).isNotEmpty();
	}

	@Test
	void decodesBeyondTheSlotsAreRefusedAsBusyNotQueuedWithoutBound() throws Exception {
		AvatarRenderer oneSlot = new AvatarRenderer(
				new AvatarProperties(DataSize.ofMegabytes(1), 12_000_000, 1, Duration.ofMillis(1)));
		byte[] heavy = Bombs.zeroPng16(3000);
		ExecutorService callers = Executors.newFixedThreadPool(6);
		try {
			List<Future<String>> outcomes = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				outcomes.add(callers.submit(() -> {
					try {
						return oneSlot.render(heavy, ImageFormat.PNG).contentType();
					}
					catch (DecodingBusy ex) {
						return "busy";
					}
				}));
			}
			List<String> results = new ArrayList<>();
			for (Future<String> outcome : outcomes) {
				results.add(outcome.get());
			}
			// All-zero RGBA is transparent, so the rendition is a PNG.
			assertThat(results).contains("busy").contains("image/png").containsOnly("busy", "image/png");
		}
		finally {
			callers.shutdownNow();
		}
	}

}
