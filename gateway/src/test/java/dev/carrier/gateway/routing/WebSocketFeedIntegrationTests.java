package dev.carrier.gateway.routing;

import java.net.URI;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import dev.carrier.gateway.support.RealServers;
import dev.carrier.gateway.support.StandIn;
import io.netty.handler.codec.http.HttpHeaders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway's feed from chat-service, on real sockets: the gateway opens a feed to the
 * instance with its credential, names each socket it proxies there, and writes each feed
 * frame to the sockets it names, in order; a client that stops reading is closed; a feed
 * that breaks is opened again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "logging.structured.format.console=", "carrier.websocket.feed.reconnect-delay=100ms" })
@Import(RealServers.class)
class WebSocketFeedIntegrationTests {

	static final UpstreamWebSocket upstream = UpstreamWebSocket.start();

	static final String deadAuth = StandIn.deadUrl();

	private static final Duration BOUND = Duration.ofSeconds(15);

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
	void feedOpen() {
		await().atMost(BOUND).until(upstream::hasFeed);
		upstream.handshakes.clear();
	}

	@Test
	void theGatewayNamesEachSocketToTheInstanceItOpenedItsFeedTo() throws InterruptedException {
		try (Client client = Client.open(this.port, "X-Carrier-Socket", "someone-elses-feed/1")) {
			HttpHeaders handshake = upstream.handshakes.poll(10, TimeUnit.SECONDS);
			String feedId = upstream.feeds.stream()
				.reduce((first, second) -> second)
				.orElseThrow()
				.get("X-Carrier-Feed");

			assertThat(handshake.get("X-Carrier-Socket")).startsWith(feedId + "/").isNotEqualTo("someone-elses-feed/1");
			assertThat(handshake.get("X-Carrier-Service")).isNotBlank();
			assertThat(upstream.feeds.peek().get("X-Carrier-Service")).isNotBlank();
		}
	}

	@Test
	void oneFeedFrameReachesEverySocketItNamesAndNoOther() throws InterruptedException {
		try (Client first = Client.open(this.port);
				Client second = Client.open(this.port);
				Client third = Client.open(this.port)) {
			long a = UpstreamWebSocket.socketNumber(upstream.handshakes.poll(10, TimeUnit.SECONDS));
			long b = UpstreamWebSocket.socketNumber(upstream.handshakes.poll(10, TimeUnit.SECONDS));
			long c = UpstreamWebSocket.socketNumber(upstream.handshakes.poll(10, TimeUnit.SECONDS));
			String created = "{\"type\":\"message.created\",\"text\":\"h\u00e9llo \u2603\"}";

			upstream.sendOnFeed(false, created, a, b, 987654321L);
			upstream.sendOnFeed(false, "{\"type\":\"only\"}", c);

			await().atMost(BOUND)
				.until(() -> first.frames.size() == 1 && second.frames.size() == 1 && third.frames.size() == 1);
			assertThat(first.frames).containsExactly(created);
			assertThat(second.frames).containsExactly(created);
			assertThat(third.frames).containsExactly("{\"type\":\"only\"}");
		}
	}

	@Test
	void aSocketGetsItsFeedFramesInTheOrderTheyWereSent() throws InterruptedException {
		try (Client client = Client.open(this.port)) {
			long number = UpstreamWebSocket.socketNumber(upstream.handshakes.poll(10, TimeUnit.SECONDS));

			IntStream.range(0, 500).forEach((i) -> upstream.sendOnFeed(false, "{\"n\":" + i + "}", number));

			await().atMost(BOUND).until(() -> client.frames.size() == 500);
			assertThat(client.frames)
				.containsExactlyElementsOf(IntStream.range(0, 500).mapToObj((i) -> "{\"n\":" + i + "}").toList());
		}
	}

	@Test
	void aClientThatStopsReadingIsClosedWith4500() throws Exception {
		try (Client client = Client.open(this.port, 1)) {
			long number = UpstreamWebSocket.socketNumber(upstream.handshakes.poll(10, TimeUnit.SECONDS));
			String big = "{\"text\":\"" + "x".repeat(32 * 1024) + "\"}";

			// far more than the kernel's socket buffers hold, and than 1,000 waiting
			// frames
			IntStream.range(0, 2000).forEach((i) -> upstream.sendOnFeed(false, big, number));
			client.readOn();

			assertThat(client.closeCode.get(30, TimeUnit.SECONDS)).isEqualTo(4500);
			assertThat(client.frames.size()).isLessThan(2000);
		}
	}

	@Test
	void aFeedThatBreaksIsOpenedAgain() throws InterruptedException {
		int opened = upstream.feeds.size();

		upstream.breakFeed();

		await().atMost(BOUND).until(() -> upstream.feeds.size() == opened + 1 && upstream.hasFeed());
		try (Client client = Client.open(this.port)) {
			long number = UpstreamWebSocket.socketNumber(upstream.handshakes.poll(10, TimeUnit.SECONDS));
			upstream.sendOnFeed(false, "{\"type\":\"after\"}", number);
			await().atMost(BOUND).until(() -> client.frames.contains("{\"type\":\"after\"}"));
		}
	}

	/** A client socket through the gateway (the JDK's), recording its frames. */
	static final class Client implements WebSocket.Listener, AutoCloseable {

		final List<String> frames = new CopyOnWriteArrayList<>();

		final CompletableFuture<Integer> closeCode = new CompletableFuture<>();

		private final StringBuilder partial = new StringBuilder();

		private final long initialDemand;

		private WebSocket socket;

		private Client(long initialDemand) {
			this.initialDemand = initialDemand;
		}

		static Client open(int port, String... headers) {
			return open(port, Long.MAX_VALUE, headers);
		}

		/** A client that reads only {@code demand} frames until told to read on. */
		static Client open(int port, long demand, String... headers) {
			Client client = new Client(demand);
			WebSocket.Builder builder = java.net.http.HttpClient.newHttpClient().newWebSocketBuilder();
			for (int i = 0; i < headers.length; i += 2) {
				builder.header(headers[i], headers[i + 1]);
			}
			client.socket = builder.buildAsync(URI.create("ws://127.0.0.1:" + port + "/api/ws"), client).join();
			return client;
		}

		void readOn() {
			this.socket.request(Long.MAX_VALUE);
		}

		@Override
		public void onOpen(WebSocket webSocket) {
			webSocket.request(this.initialDemand);
		}

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.partial.append(data);
			if (last) {
				this.frames.add(this.partial.toString());
				this.partial.setLength(0);
			}
			return null;
		}

		@Override
		public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			this.closeCode.complete(statusCode);
			return null;
		}

		@Override
		public void onError(WebSocket webSocket, Throwable error) {
			this.closeCode.complete(1006);
		}

		@Override
		public void close() {
			this.socket.abort();
		}

	}

}
