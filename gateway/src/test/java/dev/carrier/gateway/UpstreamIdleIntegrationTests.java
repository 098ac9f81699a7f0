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

/**
 * A service's Tomcat closes a keep-alive connection that stayed idle past its timeout (60
 * s). A request the gateway writes on such a connection as it closes is lost (the client
 * gets a 502, and a POST may not be retried), so the gateway retires idle pooled
 * connections before the service would ({@code httpclient.pool.max-idle-time}). Here the
 * stand-in drops a connection's next request once the connection has been idle for
 * {@link #SERVICE_IDLE_LIMIT}, the race made certain, and the gateway retires them after
 * less.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "logging.structured.format.console=",
				"spring.cloud.gateway.server.webflux.httpclient.pool.max-idle-time=200ms" })
@Import(RealServers.class)
class UpstreamIdleIntegrationTests {

	static final Duration SERVICE_IDLE_LIMIT = Duration.ofMillis(800);

	static final KeepAliveServer chat = KeepAliveServer.start();

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
	void aRequestAfterAnIdlePauseIsNotSentOnAConnectionTheServiceIsClosing() throws InterruptedException {
		WebTestClient client = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port)
			.responseTimeout(Duration.ofSeconds(15))
			.build();
		client.get().uri("/v3/api-docs/chat").exchange().expectStatus().isOk();
		// idle past the service's limit: the pooled connection must not be used again
		Thread.sleep(SERVICE_IDLE_LIMIT.plusMillis(400));
		client.get().uri("/v3/api-docs/chat").exchange().expectStatus().isOk();
	}

	/**
	 * Answers every request on a kept-alive connection, except one that arrives after the
	 * connection was idle for {@link #SERVICE_IDLE_LIMIT}: that connection is closed
	 * unanswered, as Tomcat does when its keep-alive timeout and the request cross.
	 */
	record KeepAliveServer(ServerSocket socket) {

		static KeepAliveServer start() {
			try {
				ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
				Thread.ofVirtual().start(() -> {
					while (!socket.isClosed()) {
						try {
							Socket connection = socket.accept();
							Thread.ofVirtual().start(() -> serve(connection));
						}
						catch (IOException ex) {
							// closed by the test
						}
					}
				});
				return new KeepAliveServer(socket);
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}

		private static void serve(Socket connection) {
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
					if (Duration.ofNanos(System.nanoTime() - answeredAt).compareTo(SERVICE_IDLE_LIMIT) > 0) {
						return;
					}
					// the load balancer's readiness checks: healthy, and on a connection
					// of their own
					if (new String(head, 0, read, StandardCharsets.ISO_8859_1).contains("/actuator/health")) {
						answer(out, "{\"status\":\"UP\"}", "Connection: close\r\n");
						return;
					}
					answer(out, "{\"openapi\":\"3.1.0\"}", "");
					answeredAt = System.nanoTime();
				}
			}
			catch (IOException ex) {
				// the gateway closed the connection
			}
		}

		private static void answer(OutputStream out, String body, String headers) throws IOException {
			out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\n"
					+ headers + "\r\n" + body)
				.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
		}

		String url() {
			return "http://127.0.0.1:" + this.socket.getLocalPort();
		}

	}

}
