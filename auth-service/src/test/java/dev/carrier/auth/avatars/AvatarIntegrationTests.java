package dev.carrier.auth.avatars;

import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;

import dev.carrier.auth.events.Topics;
import dev.carrier.auth.support.Api.Response;
import dev.carrier.auth.support.Api.Session;
import dev.carrier.auth.support.AuthIntegrationTest;
import dev.carrier.auth.support.Images;
import dev.carrier.auth.support.TopicWatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class AvatarIntegrationTests extends AuthIntegrationTest {

	static final byte[] PNG = dev.carrier.auth.support.Images.PNG;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Test
	void uploadedAvatarIsServedAsTheServersOwnRenditionAndReachesKafka() {
		Session session = this.api.newSession(PASSWORD);
		assertThat(this.api.call("GET", "/api/users/" + session.userId() + "/avatar").send().status()).isEqualTo(404);
		try (TopicWatcher watcher = new TopicWatcher(this.bootstrapServers, Topics.AVATAR_UPLOADED)) {
			Response upload = this.api.call("PUT", "/api/users/me/avatar").as(session).bytes("image/png", PNG).send();
			assertThat(upload.status()).isEqualTo(200);
			String avatarUrl = upload.json().get("user").get("avatarUrl").asString();
			assertThat(avatarUrl).isEqualTo("/api/users/" + session.userId() + "/avatar?v=1");

			Response image = this.api.call("GET", avatarUrl).send();
			assertThat(image.status()).isEqualTo(200);
			// Re-encoded by the server: an opaque image becomes a JPEG, never the
			// uploaded bytes.
			assertThat(image.header("Content-Type")).isEqualTo("image/jpeg");
			assertThat(image.body()).isNotEqualTo(PNG).startsWith((byte) 0xFF, (byte) 0xD8);
			assertThat(image.header("X-Content-Type-Options")).isEqualTo("nosniff");
			assertThat(image.header("Cache-Control")).contains("max-age").contains("immutable");
			assertThat(
					this.api.call("GET", "/api/users/" + session.userId() + "/avatar").send().header("Cache-Control"))
				.contains("no-cache");

			await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
				JsonNode event = null;
				for (ConsumerRecord<String, String> record : watcher.poll()) {
					if (session.userId().equals(record.key())) {
						event = JsonMapper.builder().build().readTree(record.value());
					}
				}
				assertThat(event).isNotNull();
				assertThat(event.get("userId").asString()).isEqualTo(session.userId());
				assertThat(event.get("contentType").asString()).isEqualTo("image/jpeg");
				assertThat(event.get("version").asLong()).isEqualTo(1);
				assertThat(Base64.getDecoder().decode(event.get("bytesBase64").asString())).isEqualTo(image.body());
			});
		}
	}

	@Test
	void presetAvatarIsASandboxedSvg() {
		Session session = this.api.newSession(PASSWORD);
		Response chosen = this.api.call("PUT", "/api/users/me/avatar").as(session).json("{\"preset\":\"owl\"}").send();
		assertThat(chosen.status()).isEqualTo(200);
		String avatarUrl = chosen.json().get("user").get("avatarUrl").asString();
		Response svg = this.api.call("GET", avatarUrl).send();
		assertThat(svg.status()).isEqualTo(200);
		assertThat(svg.header("Content-Type")).startsWith("image/svg+xml");
		assertThat(svg.header("Content-Security-Policy")).isEqualTo("sandbox");
		assertThat(svg.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(svg.text()).startsWith("<svg");
	}

	@Test
	void badAvatarsAreRefusedAndLeaveTheOldOneInPlace() {
		Session session = this.api.newSession(PASSWORD);
		this.api.call("PUT", "/api/users/me/avatar").as(session).json("{\"preset\":\"fox\"}").send();

		Response unknownPreset = this.api.call("PUT", "/api/users/me/avatar")
			.as(session)
			.json("{\"preset\":\"dragon\"}")
			.send();
		assertThat(unknownPreset.status()).isEqualTo(400);
		Response noPreset = this.api.call("PUT", "/api/users/me/avatar").as(session).json("{}").send();
		assertThat(noPreset.status()).isEqualTo(400);
		Response html = this.api.call("PUT", "/api/users/me/avatar")
			.as(session)
			.bytes("image/png", "<html><script>alert(1)</script></html>".getBytes())
			.send();
		assertThat(html.status()).isEqualTo(415);
		Response svg = this.api.call("PUT", "/api/users/me/avatar")
			.as(session)
			.bytes("image/svg+xml", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes())
			.send();
		assertThat(svg.status()).isEqualTo(415);
		Response text = this.api.call("PUT", "/api/users/me/avatar").as(session).bytes("text/plain", PNG).send();
		assertThat(text.status()).isEqualTo(415);
		byte[] huge = Arrays.copyOf(PNG, 1024 * 1024 + 1);
		Response tooLarge = this.api.call("PUT", "/api/users/me/avatar").as(session).bytes("image/png", huge).send();
		assertThat(tooLarge.status()).isEqualTo(413);
		byte[] exactlyOneMebibyte = dev.carrier.auth.support.Images.pngOfSize(1024 * 1024);
		for (Response refused : new Response[] { unknownPreset, noPreset, html, svg, text, tooLarge }) {
			assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		}

		Response me = this.api.call("GET", "/api/users/me").as(session).send();
		assertThat(me.json().get("user").get("avatarUrl").asString()).endsWith("?v=1");
		assertThat(this.api.call("GET", "/api/users/" + session.userId() + "/avatar").send().header("Content-Type"))
			.startsWith("image/svg+xml");

		Response largest = this.api.call("PUT", "/api/users/me/avatar")
			.as(session)
			.bytes("image/png", exactlyOneMebibyte)
			.send();
		assertThat(largest.status()).isEqualTo(200);
		assertThat(largest.json().get("user").get("avatarUrl").asString()).endsWith("?v=2");
	}

	@Test
	void realImagesOfEveryAcceptedTypeAreServedReEncodedAndWebPIsRefused() throws Exception {
		Session session = this.api.newSession(PASSWORD);
		Object[][] images = { { "image/png", Images.PNG }, { "image/jpeg", Images.JPEG }, { "image/gif", Images.GIF } };
		int version = 0;
		for (Object[] image : images) {
			String type = (String) image[0];
			byte[] bytes = (byte[]) image[1];
			Response upload = this.api.call("PUT", "/api/users/me/avatar").as(session).bytes(type, bytes).send();
			assertThat(upload.status()).as(type + ": " + upload).isEqualTo(200);
			version++;
			assertThat(upload.json().get("user").get("avatarUrl").asString()).endsWith("?v=" + version);
			Response served = this.api.call("GET", "/api/users/" + session.userId() + "/avatar").send();
			assertThat(served.header("Content-Type")).isEqualTo("image/jpeg");
			java.awt.image.BufferedImage decoded = javax.imageio.ImageIO
				.read(new java.io.ByteArrayInputStream(served.body()));
			assertThat(decoded.getWidth()).isEqualTo(4);
			assertThat(decoded.getHeight()).isEqualTo(3);
		}
		for (byte[] webp : new byte[][] { Images.WEBP_LOSSLESS, Images.WEBP_LOSSY }) {
			Response refused = this.api.call("PUT", "/api/users/me/avatar")
				.as(session)
				.bytes("image/webp", webp)
				.send();
			assertThat(refused.status()).isEqualTo(415);
			assertThat(refused.json().get("detail").asString()).contains("WebP");
		}
	}

	@Test
	void forgedTruncatedAndMislabelledImagesAreRefusedAndChangeNothing() {
		Session session = this.api.newSession(PASSWORD);
		assertThat(this.api.call("PUT", "/api/users/me/avatar").as(session).bytes("image/png", PNG).send().status())
			.isEqualTo(200);
		byte[] forged = Arrays.copyOf(PNG, 8 + 27);
		System.arraycopy("this is not an image at all".getBytes(), 0, forged, 8, 27);
		Object[][] refused = { { "image/gif", forged, 415 }, { "image/png", forged, 400 },
				{ "image/png", Arrays.copyOf(PNG, PNG.length - 5), 400 },
				{ "image/jpeg", Arrays.copyOf(Images.JPEG, Images.JPEG.length / 2), 400 },
				{ "image/gif", Arrays.copyOf(Images.GIF, Images.GIF.length - 1), 400 },
				{ "image/webp", Arrays.copyOf(Images.WEBP_LOSSY, 30), 415 },
				{ "image/png", Images.write(4097, 1, "png"), 400 }, { "image/jpeg", PNG, 415 },
				{ "image/png", Images.GIF, 415 }, { "image/gif", Images.WEBP_LOSSLESS, 415 }, { "image/*", PNG, 415 },
				{ "multipart/form-data; boundary=x", PNG, 415 } };
		for (Object[] attempt : refused) {
			Response response = this.api.call("PUT", "/api/users/me/avatar")
				.as(session)
				.bytes((String) attempt[0], (byte[]) attempt[1])
				.send();
			String what = attempt[0] + " of " + ((byte[]) attempt[1]).length + " bytes";
			assertThat(response.status()).as(what + ": " + response).isEqualTo(attempt[2]);
			assertThat(response.header("Content-Type")).as(what).startsWith("application/problem+json");
			assertThat(response.json().get("type").asString()).as(what).startsWith("https://carrier.dev/problems/");
		}
		Response me = this.api.call("GET", "/api/users/me").as(session).send();
		assertThat(me.json().get("user").get("avatarUrl").asString()).endsWith("?v=1");
		Response served = this.api.call("GET", "/api/users/" + session.userId() + "/avatar").send();
		assertThat(served.header("Content-Type")).isEqualTo("image/jpeg");
		assertThat(served.body()).startsWith((byte) 0xFF, (byte) 0xD8);
	}

	@Test
	void unknownUsersHaveNoAvatar() {
		Response response = this.api.call("GET", "/api/users/" + java.util.UUID.randomUUID() + "/avatar").send();
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
	}

}
