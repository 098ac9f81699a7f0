package dev.carrier.chat.realtime;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import dev.carrier.chat.support.IntegrationTestSupport;
import dev.carrier.chat.support.StubAuthService.User;
import dev.carrier.chat.support.WsClient;
import dev.carrier.testsupport.TestTrust;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A gateway's feed ({@code /internal/feed}): the sockets the gateway names get every
 * frame over it, in order and once per event for all of them, and nothing on their own
 * connections; a socket is closed when its feed breaks; no one without the gateway's
 * credential can open a feed or have a socket's frames sent to one.
 */
class GatewayFeedIntegrationTests extends IntegrationTestSupport {

	private static final Duration BOUND = Duration.ofSeconds(15);

	@Test
	void theSocketsAGatewayNamesGetEveryFrameOverItsFeedOncePerEvent() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		String chatId = createChat(alice, null, bob).path("id").asString();
		try (Feed feed = Feed.open(this.port, TestTrust.serviceCredential());
				WsClient aliceSocket = feed.socket(this.port, 7, TestTrust.serviceCredential());
				WsClient bobSocket = feed.socket(this.port, 8, TestTrust.serviceCredential())) {
			aliceSocket.send(auth(alice));
			bobSocket.send(auth(bob));
			await().atMost(BOUND).until(() -> feed.hasReady(7) && feed.hasReady(8));

			JsonNode sent = send(chatId, alice, "hi");

			await().atMost(BOUND).until(() -> feed.ofType("message.created").size() == 1);
			Frame created = feed.ofType("message.created").get(0);
			assertThat(created.sockets()).containsExactlyInAnyOrder(7L, 8L);
			assertThat(created.hint()).isFalse();
			assertThat(created.json().path("message")).isEqualTo(sent);
			assertThat(feed.framesFor(7).get(0).json().path("type").asString()).isEqualTo("ready");
			assertThat(aliceSocket.frames).isEmpty();
			assertThat(bobSocket.frames).isEmpty();
		}
	}

	@Test
	void aBurstOfSendsReachesTheFeedWholeEveryMessageOnce() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		String chatId = createChat(alice, null, bob).path("id").asString();
		try (Feed feed = Feed.open(this.port, TestTrust.serviceCredential());
				WsClient aliceSocket = feed.socket(this.port, 5, TestTrust.serviceCredential());
				WsClient bobSocket = feed.socket(this.port, 6, TestTrust.serviceCredential());
				ExecutorService senders = Executors.newFixedThreadPool(8)) {
			aliceSocket.send(auth(alice));
			bobSocket.send(auth(bob));
			await().atMost(BOUND).until(() -> feed.hasReady(5) && feed.hasReady(6));

			List<CompletableFuture<JsonNode>> sends = IntStream.range(0, 40)
				.mapToObj((i) -> CompletableFuture.supplyAsync(() -> send(chatId, alice, "burst " + i), senders))
				.toList();
			List<String> sent = sends.stream().map((reply) -> reply.join().path("id").asString()).toList();

			await().atMost(BOUND).until(() -> feed.ofType("message.created").size() >= sent.size());
			List<Frame> created = feed.ofType("message.created");
			assertThat(created).extracting((frame) -> frame.json().path("message").path("id").asString())
				.containsExactlyInAnyOrderElementsOf(sent);
			assertThat(created).allSatisfy((frame) -> assertThat(frame.sockets()).containsExactlyInAnyOrder(5L, 6L));
		}
	}

	@Test
	void typingTravelsTheFeedAsAHintTheGatewayMayDrop() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		String chatId = createChat(alice, null, bob).path("id").asString();
		try (Feed feed = Feed.open(this.port, TestTrust.serviceCredential());
				WsClient aliceSocket = feed.socket(this.port, 1, TestTrust.serviceCredential());
				WsClient bobSocket = feed.socket(this.port, 2, TestTrust.serviceCredential())) {
			aliceSocket.send(auth(alice));
			bobSocket.send(auth(bob));
			await().atMost(BOUND).until(() -> feed.hasReady(1) && feed.hasReady(2));

			aliceSocket.send("{\"type\":\"typing\",\"chatId\":\"" + chatId + "\"}");

			await().atMost(BOUND).until(() -> feed.ofType("typing").size() == 1);
			assertThat(feed.ofType("typing").get(0).hint()).isTrue();
			assertThat(feed.ofType("typing").get(0).sockets()).containsExactly(2L);
		}
	}

	@Test
	void whenTheFeedBreaksItsSocketsAreClosedSoTheirClientsReconnectAndCatchUp() {
		User alice = AUTH.newUser("alice");
		Feed feed = Feed.open(this.port, TestTrust.serviceCredential());
		try (WsClient socket = feed.socket(this.port, 3, TestTrust.serviceCredential())) {
			socket.send(auth(alice));
			await().atMost(BOUND).until(() -> feed.hasReady(3));

			feed.close();

			await().atMost(BOUND).until(() -> socket.closeCode != null);
			assertThat(socket.closeCode).isEqualTo(4500);
		}
	}

	@Test
	void aSocketThatNamesAFeedWithoutTheGatewaysCredentialGetsItsFramesItself() {
		User alice = AUTH.newUser("alice");
		try (Feed feed = Feed.open(this.port, TestTrust.serviceCredential());
				WsClient socket = feed.socket(this.port, 4, "not-a-credential")) {
			socket.send(auth(alice));

			await().atMost(BOUND).until(() -> socket.hasType("ready"));
			assertThat(feed.frames).isEmpty();
		}
	}

	@Test
	void noOneWithoutAServiceCredentialOpensAFeed() {
		assertThatThrownBy(() -> Feed.open(this.port, "not-a-credential")).cause()
			.isInstanceOf(WebSocketHandshakeException.class)
			.satisfies(
					(ex) -> assertThat(((WebSocketHandshakeException) ex).getResponse().statusCode()).isEqualTo(401));
	}

	private static String auth(User user) {
		return "{\"type\":\"auth\",\"token\":\"" + user.token() + "\"}";
	}

	/** One feed frame as the gateway reads it. */
	record Frame(boolean hint, List<Long> sockets, JsonNode json) {
	}

	/** A gateway's end of a feed: records every frame it is sent. */
	static final class Feed implements WebSocket.Listener, AutoCloseable {

		final String id = UUID.randomUUID().toString();

		final List<Frame> frames = new CopyOnWriteArrayList<>();

		private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

		private WebSocket socket;

		static Feed open(int port, String credential) {
			Feed feed = new Feed();
			try {
				feed.socket = HttpClient.newHttpClient()
					.newWebSocketBuilder()
					.header("X-Carrier-Service", credential)
					.header(GatewayFeeds.FEED_HEADER, feed.id)
					.buildAsync(URI.create("ws://127.0.0.1:" + port + "/internal/feed"), feed)
					.get(10, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				throw new CompletionException(ex.getCause());
			}
			return feed;
		}

		/**
		 * A client socket as the gateway proxies it, named {@code number} on this feed.
		 */
		WsClient socket(int port, long number, String credential) {
			return WsClient.connect(port, null,
					Map.of(GatewayFeeds.SOCKET_HEADER, this.id + "/" + number, "X-Carrier-Service", credential));
		}

		List<Frame> framesFor(long number) {
			return this.frames.stream().filter((frame) -> frame.sockets().contains(number)).toList();
		}

		boolean hasReady(long number) {
			return framesFor(number).stream().anyMatch((frame) -> "ready".equals(frame.json().path("type").asString()));
		}

		List<Frame> ofType(String type) {
			return this.frames.stream().filter((frame) -> type.equals(frame.json().path("type").asString())).toList();
		}

		@Override
		public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
			byte[] bytes = new byte[data.remaining()];
			data.get(bytes);
			this.partial.writeBytes(bytes);
			if (last) {
				this.frames.add(decode(ByteBuffer.wrap(this.partial.toByteArray())));
				this.partial.reset();
			}
			webSocket.request(1);
			return null;
		}

		private static Frame decode(ByteBuffer frame) {
			boolean hint = frame.get() == FeedFrame.HINT;
			List<Long> sockets = new ArrayList<>();
			for (int count = frame.getInt(); count > 0; count--) {
				sockets.add(frame.getLong());
			}
			byte[] text = Arrays.copyOfRange(frame.array(), frame.position(), frame.limit());
			return new Frame(hint, sockets, JSON.readTree(new String(text, StandardCharsets.UTF_8)));
		}

		@Override
		public void close() {
			this.socket.sendClose(WebSocket.NORMAL_CLOSURE, "")
				.orTimeout(5, TimeUnit.SECONDS)
				.exceptionally((ex) -> null);
			CompletableFuture.runAsync(this.socket::abort, CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS));
		}

	}

}
