package dev.carrier.gateway.routing;

import java.net.URI;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import reactor.netty.http.websocket.WebsocketInbound;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.carrier.gateway.support.RealServers;
import dev.carrier.gateway.support.StandIn;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's WebSocket proxy on real sockets (and the real Redis its rate limit uses),
 * in front of an upstream that answers the first frame it receives: every frame a client
 * sends right after its handshake arrives, subprotocols are negotiated with the upstream,
 * close codes pass both ways, and only pages from Carrier's own origin (or a configured
 * one) may open a socket.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "logging.structured.format.console=",
				// 400 sockets from one address in a few seconds are this test's load, not
				// an attack.
				"carrier.rate-limits.api-per-user.replenish-rate=10000",
				"carrier.rate-limits.api-per-user.burst-capacity=100000",
				"carrier.websocket.allowed-origins=https://app.example, http://localhost:5173" })
@Import(RealServers.class)
class WebSocketProxyIntegrationTests {

	static final UpstreamWebSocket upstream = UpstreamWebSocket.start();

	static final String deadAuth = StandIn.deadUrl();

	private static final Duration ANSWER_WITHIN = Duration.ofSeconds(10);

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		registry.add("carrier.services.auth-url", () -> deadAuth);
		registry.add("carrier.services.chat-url", upstream::url);
	}

	@AfterAll
	static void stopUpstream() {
		upstream.close();
	}

	@BeforeEach
	void forgetEarlierSockets() {
		upstream.handshakes.clear();
		upstream.closedByClient.clear();
	}

	/**
	 * Before {@link EventLoopUpgradeStrategy}, 1 to 3 in 200 such frames were dropped by
	 * the gateway (the route's rate limiter makes the upgrade run off the connection's
	 * event loop).
	 */
	@Test
	void aFrameSentRightAfterTheHandshakeIsAlwaysAnswered() {
		int sockets = 400;
		List<String> answers = Flux.range(0, sockets)
			.flatMap(i -> firstAnswer(client(), "{\"type\":\"auth\",\"token\":\"t" + i + "\"}")
				.defaultIfEmpty("t" + i + " closed without an answer")
				.onErrorResume(ex -> Mono.just("t" + i + " failed: " + ex)), 20)
			.collectList()
			.block(Duration.ofSeconds(120));
		assertThat(answers).hasSize(sockets).allMatch(answer -> answer.startsWith("echo:{\"type\":\"auth\""));
	}

	@Test
	void theBearerSubprotocolIsNegotiatedWithTheUpstream() {
		WebsocketClientSpec spec = WebsocketClientSpec.builder().protocols("bearer.token-1").build();
		String[] accepted = new String[1];
		String answer = client().websocket(spec).uri("/api/ws").handle((in, out) -> {
			accepted[0] = in.selectedSubprotocol();
			return out.sendString(Mono.just("hello")).then().thenMany(in.receive().asString().take(1));
		}).next().block(ANSWER_WITHIN);
		assertThat(answer).isEqualTo("echo:hello protocol:bearer.token-1");
		assertThat(accepted[0]).isEqualTo("bearer.token-1");
	}

	@Test
	void theUpstreamsCloseCodeAndReasonReachTheClient() {
		String status = client().websocket()
			.uri("/api/ws")
			.handle((in, out) -> out.sendString(Mono.just(UpstreamWebSocket.REFUSE))
				.then()
				.then(in.receiveCloseStatus().map(s -> s.code() + " " + s.reasonText())))
			.next()
			.block(ANSWER_WITHIN);
		assertThat(status).isEqualTo("4401 Unauthorized");
	}

	/**
	 * A client that keeps sending while the upstream closes its socket still reads the
	 * close code: before {@link LingeringClose}, the gateway dropped the connection right
	 * after the close frame with the client's frames unread, the kernel answered with a
	 * reset, and the client often lost the close frame (1006 instead of 1008).
	 */
	@Test
	void aFlooderStillReadsWhyItsSocketWasClosed() {
		java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
		for (int socket = 0; socket < 30; socket++) {
			CloseCode close = new CloseCode();
			WebSocket flooder = http.newWebSocketBuilder()
				.buildAsync(URI.create("ws://127.0.0.1:" + this.port + "/api/ws"), close)
				.join();
			flooder.sendText(UpstreamWebSocket.FLOOD, true).join();
			while (!close.code.isDone()) {
				try {
					flooder.sendText("{\"type\":\"typing\"}", true).join();
				}
				catch (RuntimeException closed) {
					break;
				}
			}
			assertThat(close.code.completeOnTimeout(-1, 10, TimeUnit.SECONDS).join()).as("socket " + socket)
				.isEqualTo(1008);
		}
	}

	@Test
	void theClientsCloseCodeAndReasonReachTheUpstream() throws InterruptedException {
		client().websocket().uri("/api/ws").handle((in, out) -> {
			Sinks.One<String> answer = Sinks.one();
			in.receive().asString().subscribe(answer::tryEmitValue);
			return out.sendString(Mono.just("hello")).then().then(answer.asMono()).then(out.sendClose(4000, "Bye"));
		}).blockLast(ANSWER_WITHIN);
		assertThat(upstream.closedByClient.poll(5, TimeUnit.SECONDS)).isEqualTo("4000 Bye");
	}

	// ---------------------------------------------------------------- origins

	@Test
	void aPageAtTheAddressTheGatewayIsReachedAtMayOpenASocket() throws InterruptedException {
		for (String host : new String[] { "127.0.0.1", "localhost" }) {
			String origin = "http://" + host + ":" + this.port;
			HttpClient client = HttpClient.create()
				.baseUrl("ws://" + host + ":" + this.port)
				.headers(h -> h.set("Origin", origin));
			assertThat(firstAnswer(client, "hello").block(ANSWER_WITHIN)).as(origin).isEqualTo("echo:hello");
			// chat-service's own check cannot know the public address: it sees a program,
			// not a page.
			assertThat(upstream.handshakes.poll(5, TimeUnit.SECONDS).contains("Origin")).isFalse();
		}
	}

	@Test
	void aPageAtAConfiguredExtraOriginMayOpenASocket() {
		HttpClient client = client().headers(h -> h.set("Origin", "https://app.example"));
		assertThat(firstAnswer(client, "hello").block(ANSWER_WITHIN)).isEqualTo("echo:hello");
	}

	@Test
	void aProgramWithoutOriginMayOpenASocket() {
		assertThat(firstAnswer(client(), "hello").block(ANSWER_WITHIN)).isEqualTo("echo:hello");
	}

	@Test
	void aPageFromAnotherSiteIsRefusedWith403BeforeTheUpgrade() {
		for (String origin : new String[] { "http://evil.example", "https://127.0.0.1:" + this.port,
				"http://127.0.0.1:" + (this.port + 1), "null", "http://127.0.0.1:" + this.port + "/x" }) {
			handshake(origin, Map.of()).expectStatus()
				.isForbidden()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo(403)
				.jsonPath("$.detail")
				.value(detail -> assertThat((String) detail).contains("CARRIER_ALLOWED_ORIGINS"));
		}
		assertThat(upstream.handshakes).isEmpty();
	}

	@Test
	void forwardedHeadersCountOnlyFromTrustedProxies() {
		// No proxy is trusted here, so a client cannot name the address it "reached".
		handshake("https://carrier.example",
				Map.of(PageOrigins.FORWARDED_HOST, "carrier.example", PageOrigins.FORWARDED_PROTO, "https"))
			.expectStatus()
			.isForbidden();
		assertThat(upstream.handshakes).isEmpty();
	}

	WebTestClient.ResponseSpec handshake(String origin, Map<String, String> headers) {
		return WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + this.port)
			.build()
			.get()
			.uri("/api/ws")
			.headers(h -> {
				h.set(HttpHeaders.UPGRADE, "websocket");
				h.set(HttpHeaders.CONNECTION, "Upgrade");
				h.set("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==");
				h.set("Sec-WebSocket-Version", "13");
				h.set(HttpHeaders.ORIGIN, origin);
				headers.forEach(h::set);
			})
			.exchange();
	}

	/** Keeps the code a socket was closed with: 1006 when it broke without one. */
	static final class CloseCode implements WebSocket.Listener {

		final CompletableFuture<Integer> code = new CompletableFuture<>();

		@Override
		public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
			this.code.complete(statusCode);
			return null;
		}

		@Override
		public void onError(WebSocket socket, Throwable error) {
			this.code.complete(1006);
		}

	}

	HttpClient client() {
		return HttpClient.create().baseUrl("ws://127.0.0.1:" + this.port);
	}

	/**
	 * Opens a socket, sends {@code frame} as soon as the handshake completes, and returns
	 * the first answer.
	 */
	static Mono<String> firstAnswer(HttpClient client, String frame) {
		return client.websocket()
			.uri("/api/ws")
			.handle((WebsocketInbound in, reactor.netty.http.websocket.WebsocketOutbound out) -> out
				.sendString(Mono.just(frame))
				.then()
				.thenMany(in.receive().asString().take(1))
				.timeout(ANSWER_WITHIN, Mono.empty()))
			.next();
	}

}
