package dev.carrier.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.carrier.gateway.support.RealServers;
import dev.carrier.gateway.support.StandIn;

import static dev.carrier.gateway.GatewayIntegrationTestSupport.expectProblem;

/**
 * What becomes of a request when chat-service's end of the connection goes away, with a
 * chat-service that does at the socket level what a real server does only by accident:
 * <ul>
 * <li>An instance that dies while it holds a request (kill -9 mid-call) resets the
 * connection. "Connection reset by peer" must not be mistaken for the browser hanging up:
 * the caller, still waiting, gets a 502 problem it can retry on, never an empty 200.</li>
 * <li>A service's Tomcat closes a keep-alive connection that stayed idle past its timeout
 * (60 s). A request the gateway writes on such a connection as it closes is lost (a 502,
 * and a POST may not be retried), so the gateway retires idle pooled connections before
 * the service would ({@code httpclient.pool.max-idle-time}, 200 ms here). The stand-in
 * drops a request that arrives on a connection idle for {@link #SERVICE_IDLE_LIMIT}, the
 * race made certain.</li>
 * </ul>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "logging.structured.format.console=",
				"spring.cloud.gateway.server.webflux.httpclient.pool.max-idle-time=200ms" })
@Import(RealServers.class)
class UpstreamConnectionIntegrationTests {

	static final Duration SERVICE_IDLE_LIMIT = Duration.ofMillis(800);

	static final RawChatService chat = RawChatService.start();

	static final String deadAuth = StandIn.deadUrl();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		registry.add("carrier.services.auth-url", () -> deadAuth);
		registry.add("carrier.services.chat-url", chat::url);
	}

	@AfterAll
	static void stop() throws IOException {
		chat.socket.close();
	}

	@Test
	void aServiceThatResetsTheConnectionMidRequestGivesA502Problem() {
		chat.resets = true;
		try {
			expectProblem(client().get().uri("/v3/api-docs/chat").exchange(), 502);
		}
		finally {
			chat.resets = false;
		}
	}

	@Test
	void aRequestAfterAnIdlePauseIsNotSentOnAConnectionTheServiceIsClosing() throws InterruptedException {
		WebTestClient client = client();
		client.get().uri("/v3/api-docs/chat").exchange().expectStatus().isOk();
		// idle past the service's limit: the pooled connection must not be used again
		Thread.sleep(SERVICE_IDLE_LIMIT.plusMillis(400));
		client.get().uri("/v3/api-docs/chat").exchange().expectStatus().isOk();
	}

	private WebTestClient client() {
		return WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port)
			.responseTimeout(Duration.ofSeconds(15))
			.build();
	}

	/**
	 * Answers the load balancer's readiness checks, each on a connection of its own, so
	 * the instance is chosen. Any other request is answered on a kept-alive connection,
	 * except one that arrives after the connection was idle for
	 * {@link #SERVICE_IDLE_LIMIT}: that connection is closed unanswered, as Tomcat does
	 * when its keep-alive timeout and the request cross. While {@link #resets}, such a
	 * request is read and its connection closed with SO_LINGER 0 (a TCP reset) instead.
	 */
	static final class RawChatService {

		final ServerSocket socket;

		volatile boolean resets;

		private RawChatService(ServerSocket socket) {
			this.socket = socket;
		}

		static RawChatService start() {
			try {
				RawChatService chat = new RawChatService(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
				Thread.ofVirtual().start(chat::accept);
				return chat;
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}

		String url() {
			return "http://127.0.0.1:" + this.socket.getLocalPort();
		}

		private void accept() {
			while (!this.socket.isClosed()) {
				try {
					Socket connection = this.socket.accept();
					Thread.ofVirtual().start(() -> serve(connection));
				}
				catch (IOException ex) {
					// closed by the test
				}
			}
		}

		private void serve(Socket connection) {
			try (connection) {
				InputStream in = connection.getInputStream();
				OutputStream out = connection.getOutputStream();
				byte[] head = new byte[8192];
				long answeredAt = System.nanoTime();
				while (true) {
					int read = in.read(head);
					if (read <= 0) {
						return;
					}
					if (new String(head, 0, read, StandardCharsets.ISO_8859_1).contains("/actuator/health")) {
						answer(out, "{\"status\":\"UP\"}", "Connection: close\r\n");
						return;
					}
					if (this.resets) {
						connection.setSoLinger(true, 0);
						return;
					}
					if (Duration.ofNanos(System.nanoTime() - answeredAt).compareTo(SERVICE_IDLE_LIMIT) > 0) {
						return;
					}
					answer(out, "{\"openapi\":\"3.1.0\"}", "");
					answeredAt = System.nanoTime();
				}
			}
			catch (IOException ex) {
				// the gateway closed the connection, or gave up first
			}
		}

		private static void answer(OutputStream out, String body, String headers) throws IOException {
			out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\n"
					+ headers + "\r\n" + body)
				.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
		}

	}

}
