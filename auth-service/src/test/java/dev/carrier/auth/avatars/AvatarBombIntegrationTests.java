package dev.carrier.auth.avatars;

import java.io.ByteArrayInputStream;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import dev.carrier.auth.support.Api.Response;
import dev.carrier.auth.support.Api.Session;
import dev.carrier.auth.support.AuthIntegrationTest;
import dev.carrier.auth.support.Images;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads built to exhaust memory or CPU when decoded are refused, and what is kept is
 * small.
 */
class AvatarBombIntegrationTests extends AuthIntegrationTest {

	@Test
	void fiftyParallelDecompressionBombsAreRefusedAndLeaveTheServiceUp() throws Exception {
		// 134 MB of pixels each once decoded (4096 x 4096, 16 bits a channel, RGBA), or a
		// header
		// declaring 60,000 x 60,000 over a few bytes.
		byte[] deep = Bombs.zeroPng16(4096);
		byte[] wide = Bombs.hugeHeaderPng(60_000, 60_000);
		assertThat(deep.length).isLessThan(1024 * 1024);
		Session session = this.api.newSession(PASSWORD);
		ExecutorService uploaders = Executors.newFixedThreadPool(50);
		try {
			List<Callable<Response>> uploads = new ArrayList<>();
			for (int i = 0; i < 50; i++) {
				byte[] bomb = (i % 2 == 0) ? deep : wide;
				uploads.add(
						() -> this.api.call("PUT", "/api/users/me/avatar").as(session).bytes("image/png", bomb).send());
			}
			for (Future<Response> answer : uploaders.invokeAll(uploads)) {
				Response response = answer.get();
				assertThat(response.status()).as(response.toString()).isBetween(400, 499);
				assertThat(response.header("Content-Type")).startsWith("application/problem+json");
			}
		}
		finally {
			uploaders.shutdownNow();
		}
		Response health = this.api.call("GET", "/actuator/health").send();
		assertThat(health.json().get("status").asString()).as(health.toString()).isEqualTo("UP");
		Response me = this.api.call("GET", "/api/users/me").as(session).send();
		assertThat(me.json().get("user").get("avatarUrl").isNull()).isTrue();
	}

	@Test
	void aLargeUploadIsStoredAndServedAsABoundedRendition() throws Exception {
		Session session = this.api.newSession(PASSWORD);
		byte[] photo = Images.write(2000, 1000, "png");
		Response upload = this.api.call("PUT", "/api/users/me/avatar").as(session).bytes("image/png", photo).send();
		assertThat(upload.status()).as(upload.toString()).isEqualTo(200);
		Response served = this.api.call("GET", upload.json().get("user").get("avatarUrl").asString()).send();
		assertThat(served.status()).isEqualTo(200);
		assertThat(served.header("Content-Type")).isEqualTo("image/jpeg");
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(served.body()));
		assertThat(image.getWidth()).isLessThanOrEqualTo(512).isEqualTo(512);
		assertThat(image.getHeight()).isEqualTo(256);
	}

}
