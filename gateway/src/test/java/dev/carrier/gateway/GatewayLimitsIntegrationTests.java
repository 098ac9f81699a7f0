package dev.carrier.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

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
