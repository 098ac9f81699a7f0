package dev.carrier.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
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
 * A chat-service instance that dies while it holds a request (kill -9 mid-call) resets
 * the connection. "Connection reset by peer" must not be mistaken for the browser hanging
 * up: the caller, still waiting, gets a 502 problem it can retry on, never an empty 200.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "logging.structured.format.console=" })
@Import(RealServers.class)
class UpstreamResetIntegrationTests {

	static final ResettingServer dyingChat = ResettingServer.start();

	static final String deadAuth = StandIn.deadUrl();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		registry.add("carrier.services.auth-url", () -> deadAuth);
		registry.add("carrier.services.chat-url", dyingChat::url);
	}

	@AfterAll
	static void stop() throws IOException {
		dyingChat.socket.close();
	}

	@Test
	void aServiceThatResetsTheConnectionMidRequestGivesA502Problem() {
		WebTestClient client = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port)
			.responseTimeout(Duration.ofSeconds(15))
			.build();
		expectProblem(client.get().uri("/v3/api-docs/chat").exchange(), 502);
	}

	/**
	 * Answers readiness checks; any other request is read, then closed with SO_LINGER 0
	 * (a TCP reset).
	 */
	record ResettingServer(ServerSocket socket) {

		static ResettingServer start() {
			try {
				ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
				Thread.ofVirtual().start(() -> {
					while (!socket.isClosed()) {
						try (Socket connection = socket.accept()) {
							InputStream in = connection.getInputStream();
							byte[] head = new byte[4096];
							int read = in.read(head);
							if (read > 0 && new String(head, 0, read).contains("/actuator/health")) {
								// Healthy to the load balancer's readiness checks, so it
								// is chosen.
								connection.getOutputStream()
									.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
											+ "Content-Length: 15\r\nConnection: close\r\n\r\n{\"status\":\"UP\"}")
										.getBytes());
								continue;
							}
							connection.setSoLinger(true, 0);
						}
						catch (IOException ex) {
							// closed by the test, or the gateway gave up first
						}
					}
				});
				return new ResettingServer(socket);
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}

		String url() {
			return "http://127.0.0.1:" + this.socket.getLocalPort();
		}

	}

}
