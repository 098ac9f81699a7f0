package dev.carrier.gateway;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.carrier.gateway.support.StandIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the gateway bounds itself (body sizes) and what it leaves to the services (login
 * attempts per name), telling them the client's address.
 */
class GatewayLimitsIntegrationTests extends GatewayIntegrationTestSupport {

	@Test
	void oversizeBodiesAreRefusedWith413() {
		String token = login();
		expectProblem(this.client.post()
			.uri("/api/chats/c1/messages")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("x".repeat(3 * 1024 * 1024))
			.exchange(), 413);
	}

	/**
	 * A client that writes its whole oversize upload before it reads (as the JDK's
	 * HttpClient may) still reads the 413. The gateway answers before it has read the
	 * body and then ends the connection; if it closed with the rest of the body unread,
	 * the socket would be reset and the reset would throw away the answer the client had
	 * not read yet. The body is larger than the loopback socket buffers hold, so the
	 * gateway must read it for the write to finish.
	 */
	@Test
	void anOversizeBodyWrittenWholeBeforeTheAnswerIsReadStillGetsThe413() throws IOException {
		String token = login();
		byte[] body = new byte[16 * 1024 * 1024];
		Arrays.fill(body, (byte) 'x');
		String head = "POST /api/chats/c1/messages HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
				+ "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(15_000);
			OutputStream out = socket.getOutputStream();
			out.write(head.getBytes(StandardCharsets.US_ASCII));
			out.write(body);
			out.flush();
			InputStream in = socket.getInputStream();
			String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			assertThat(answer).startsWith("HTTP/1.1 413").contains("application/problem+json");
		}
	}

	/**
	 * A body streamed in chunks declares no length, so only counting can bound it. The
	 * gateway cuts it off at the route's limit, which is the service's own (auth-service:
	 * 64 KB, 1 MB for an avatar; chat-service: 2 MB), and answers 413 itself: the service
	 * behind receives no more than it accepts, so it never refuses mid-stream and closes
	 * a connection the gateway is still writing to (which reached the client as a 502).
	 * Being the client's doing, a refusal does not count against the route's circuit
	 * breaker (ten of them would otherwise open it).
	 */
	@Test
	void aBodyStreamedInChunksIsCutOffAtTheServicesLimitAndAnswered413() throws Exception {
		String token = login();
		HttpClient http = HttpClient.newHttpClient();
		byte[] chunk = new byte[64 * 1024];
		Arrays.fill(chunk, (byte) 'x');
		List<Map.Entry<String, Long>> limits = List.of(Map.entry("/api/auth/login", 64L * 1024),
				Map.entry("/api/users/me/avatar", 1024L * 1024), Map.entry("/api/chats/c1/messages", 2048L * 1024));
		for (int i = 0; i < 24; i++) {
			String path = limits.get(i % limits.size()).getKey();
			long limit = limits.get(i % limits.size()).getValue();
			awaitNoBodyBytesArriving();
			for (StandIn service : new StandIn[] { auth, chatA, chatB }) {
				service.bodyBytesReceived.set(0);
			}
			// 4 MB offered as an InputStream: the JDK client sends it chunked.
			HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
				.timeout(Duration.ofSeconds(30))
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
				.header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
				.method(path.endsWith("avatar") ? "PUT" : "POST",
						BodyPublishers.ofInputStream(() -> new SequenceInputStream(Collections.enumeration(
								Collections.nCopies(64, chunk).stream().map(ByteArrayInputStream::new).toList()))))
				.build();
			HttpResponse<String> answer = http.send(request, BodyHandlers.ofString());
			assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(413);
			assertThat(answer.headers().firstValue(HttpHeaders.CONTENT_TYPE).orElse("")).as(path)
				.startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			long received = auth.bodyBytesReceived.get() + chatA.bodyBytesReceived.get()
					+ chatB.bodyBytesReceived.get();
			assertThat(received).as(path + ": bytes the service behind received").isLessThanOrEqualTo(limit);
		}
		login("after-the-refusals").expectStatus().isOk();
		echo(get("/api/chats/c1/messages", token));
	}

	/**
	 * Waits until the last refused body's bytes stop arriving (they may still be on their
	 * way after its 413), so that none is counted against the next one: on a loaded host,
	 * the login's 64 KB once arrived after the count was reset for the avatar.
	 */
	private static void awaitNoBodyBytesArriving() {
		long[] last = { -1 };
		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
			long now = auth.bodyBytesReceived.get() + chatA.bodyBytesReceived.get() + chatB.bodyBytesReceived.get();
			boolean quiet = now == last[0];
			last[0] = now;
			return quiet;
		});
	}

	/** Up to each route's limit, a body streamed in chunks goes through whole. */
	@Test
	void aBodyStreamedInChunksWithinTheLimitArrivesWhole() throws Exception {
		String token = login();
		byte[] image = new byte[1024 * 1024];
		Arrays.fill(image, (byte) 'y');
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/api/users/me/avatar"))
			.timeout(Duration.ofSeconds(30))
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.header(HttpHeaders.CONTENT_TYPE, "image/png")
			.PUT(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(image)))
			.build();
		HttpResponse<String> answer = HttpClient.newHttpClient().send(request, BodyHandlers.ofString());
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(answer.body()).path("body").asString()).hasSize(image.length);
	}

	@Test
	void loginsPerNameAreLeftToAuthServiceWhichHearsTheClientAddressFromTheGatewayOnly() {
		// auth-service limits logins per name, normalized as its lookup does; the gateway
		// does not.
		String name = "victim-" + UUID.randomUUID();
		for (int i = 0; i < 12; i++) {
			login(name).expectStatus().isOk();
		}
		JsonNode forged = echo(this.client.post()
			.uri("/api/auth/login")
			.contentType(MediaType.APPLICATION_JSON)
			.header("X-Carrier-Client-Address", "203.0.113.9")
			.header("X-Forwarded-For", "203.0.113.10")
			.bodyValue(Map.of("login", name, "password", "wrong-password"))
			.exchange());
		assertThat(forged.get("headers").get("x-carrier-client-address").asString()).isIn("127.0.0.1",
				"0:0:0:0:0:0:0:1");
	}

	private WebTestClient.ResponseSpec login(String name) {
		return this.client.post()
			.uri("/api/auth/login")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("login", name, "password", "wrong-password"))
			.exchange();
	}

}
