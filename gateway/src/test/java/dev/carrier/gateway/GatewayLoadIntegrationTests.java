package dev.carrier.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

import dev.carrier.gateway.support.RealServers;
import dev.carrier.gateway.support.StandIn;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway under concurrent load and under hostile requests: many senders at once must
 * all be served (no gateway-made 500 or 503), and a request that is malformed at the
 * protocol level gets a 4xx, never a 5xx.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "logging.structured.format.console=", "carrier.rate-limits.api-per-user.replenish-rate=100000",
				"carrier.rate-limits.api-per-user.burst-capacity=200000" })
@Import(RealServers.class)
class GatewayLoadIntegrationTests {

	static final StandIn auth = StandIn.start("auth");

	static final StandIn chat = StandIn.start("chat-slow");

	static final String SEND_PATH = "/api/chats/c-load/messages";

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		registry.add("carrier.services.auth-url", auth::url);
		registry.add("carrier.services.chat-url", chat::url);
		// Slow enough that all the calls are in flight together.
		chat.slowPaths.put(SEND_PATH, Duration.ofMillis(400));
	}

	@AfterAll
	static void stopStandIns() {
		auth.close();
		chat.close();
	}

	@Test
	void aHundredConcurrentSendsAreAllServed() {
		String token = UUID.randomUUID().toString();
		auth.sessions.put(token, "user-" + UUID.randomUUID());
		int senders = 100;
		ConnectionProvider connections = ConnectionProvider.builder("load-test").maxConnections(senders).build();
		try {
			WebClient client = WebClient.builder()
				.baseUrl("http://127.0.0.1:" + this.port)
				.clientConnector(new ReactorClientHttpConnector(HttpClient.create(connections)))
				.build();
			List<Integer> statuses = Flux.range(0, senders)
				.flatMap(i -> client.post()
					.uri(SEND_PATH)
					.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
					.contentType(MediaType.APPLICATION_JSON)
					.bodyValue(Map.of("text", "hello " + i, "clientMessageId", UUID.randomUUID().toString()))
					.exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value())),
						senders)
				.collectList()
				.block(Duration.ofSeconds(30));
			assertThat(statuses).hasSize(senders).allSatisfy(status -> assertThat(status).isBetween(200, 299));
		}
		finally {
			connections.disposeLater().block(Duration.ofSeconds(5));
		}
	}

	@Test
	void anInvalidContentTypeNeverBreaksTheGateway() throws IOException {
		// The gateway no longer reads login bodies (the per-name limit moved to
		// auth-service), so it
		// passes such a request on; auth-service answers it 415
		// (BadRequestsIntegrationTests). What
		// the gateway must never do is fail on it itself.
		for (String contentType : List.of(";;;", "application/", "application/json;charset=no-such-charset")) {
			String answer = raw("POST /api/auth/signup HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType
					+ "\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
			assertThat(answer).as(contentType).startsWith("HTTP/1.1 ").doesNotStartWith("HTTP/1.1 5");
		}
	}

	@Test
	void aWebSocketUpgradeOfAnUnknownVersionIsA426Problem() throws IOException {
		String answer = raw("GET /api/ws HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
				+ "Sec-WebSocket-Version: 99\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n");
		assertThat(answer).startsWith("HTTP/1.1 426")
			.containsIgnoringCase("Sec-WebSocket-Version: 13")
			.contains("application/problem+json");
	}

	@Test
	void aWebSocketUpgradeWithAMalformedKeyIsA400Problem() throws IOException {
		String answer = raw("GET /api/ws HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
				+ "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: not base64\r\n\r\n");
		assertThat(answer).startsWith("HTTP/1.1 400").contains("application/problem+json");
	}

	@Test
	void aChunkedBodyWithAnInvalidChunkSizeIsA400() throws IOException {
		String token = UUID.randomUUID().toString();
		auth.sessions.put(token, "user-" + UUID.randomUUID());
		String answer = raw("POST /api/chats/c-chunked/messages HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
				+ token
				+ "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n");
		assertThat(answer).startsWith("HTTP/1.1 400");
	}

	/**
	 * Sends bytes no well-behaved client would send; answers what came back before the
	 * server closed.
	 */
	private String raw(String request) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(5000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			StringBuilder answer = new StringBuilder();
			byte[] buffer = new byte[8192];
			try {
				for (int read; (read = in.read(buffer)) != -1;) {
					answer.append(new String(buffer, 0, read, StandardCharsets.ISO_8859_1));
					if (answer.indexOf("\r\n\r\n") >= 0 && answer.indexOf("}") >= 0) {
						break;
					}
				}
			}
			catch (java.net.SocketTimeoutException ex) {
				// The answer so far is all there is.
			}
			return answer.toString();
		}
	}

}
