package dev.carrier.e2e.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import dev.carrier.e2e.support.CarrierApi;
import dev.carrier.e2e.support.Chats;
import dev.carrier.e2e.support.EventSocket;
import dev.carrier.e2e.support.TestUser;

/**
 * The WebSocket through the gateway, attacked and used the ways the contract allows: the
 * first-frame login (which used to lose a frame now and then), a page at another address
 * than localhost, a foreign page (cross-site WebSocket hijacking), and a typing flood
 * aimed at the other members' sockets.
 */
class WebSocketAttacksEndToEndTests {

	private static final URI WS = EventSocket.GATEWAY_WS;

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@Test
	void firstFrameAuthenticationGetsReadyEveryTime() {
		TestUser user = TestUser.signUp("firstframe");
		int sockets = 100;
		List<CompletableFuture<String>> readies = new ArrayList<>();
		List<WebSocket> opened = new ArrayList<>();
		for (int i = 0; i < sockets; i++) {
			FirstFrame listener = new FirstFrame(user.token());
			opened.add(HTTP.newWebSocketBuilder().buildAsync(WS, listener).join());
			readies.add(listener.firstEvent);
		}
		try {
			List<String> answers = readies.stream().map(ready -> {
				try {
					return ready.get(15, TimeUnit.SECONDS);
				}
				catch (Exception ex) {
					return "no answer: " + ex;
				}
			}).toList();
			assertThat(answers).as("each of %d sockets' first event", sockets).allMatch(a -> a.contains("\"ready\""));
		}
		finally {
			opened.forEach(socket -> socket.abort());
		}
	}

	@Test
	void thePagesOwnOriginIsAcceptedAtEitherLoopbackAddress() {
		TestUser user = TestUser.signUp("origin");
		int port = CarrierApi.BASE.getPort();
		for (String host : List.of("127.0.0.1", "localhost")) {
			URI ws = URI.create("ws://" + host + ":" + port + "/api/ws");
			FirstFrame listener = new FirstFrame(null);
			WebSocket socket = HTTP.newWebSocketBuilder()
				.header("Origin", "http://" + host + ":" + port)
				.subprotocols("bearer." + user.token())
				.buildAsync(ws, listener)
				.join();
			try {
				assertThat(listener.firstEvent.orTimeout(10, TimeUnit.SECONDS).join()).as(host).contains("\"ready\"");
			}
			finally {
				socket.abort();
			}
		}
	}

	@Test
	void aForeignPageIsRefusedBeforeTheUpgrade() {
		TestUser user = TestUser.signUp("hijacked");
		for (String origin : List.of("https://evil.example", "http://127.0.0.1:1", "null")) {
			var attempt = HTTP.newWebSocketBuilder()
				.header("Origin", origin)
				.subprotocols("bearer." + user.token())
				.buildAsync(WS, new FirstFrame(null));
			Throwable refused = org.assertj.core.api.Assertions.catchThrowable(attempt::join);
			assertThat(refused).as(origin)
				.isInstanceOf(CompletionException.class)
				.hasCauseInstanceOf(WebSocketHandshakeException.class);
			var response = ((WebSocketHandshakeException) refused.getCause()).getResponse();
			assertThat(response.statusCode()).as(origin).isEqualTo(403);
			assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		}
	}

	@Test
	void aTypingFloodClosesOnlyTheFloodersSocket() {
		TestUser flooder = TestUser.signUp("flooder");
		TestUser reader = TestUser.signUp("reader");
		String chatId = Chats.create(flooder, List.of(reader.username()), null).path("id").asString();
		try (EventSocket flood = EventSocket.connect(flooder.token());
				EventSocket calm = EventSocket.connect(reader.token())) {
			for (int i = 0; i < 2000 && flood.closeCode() == -1; i++) {
				try {
					flood.send("{\"type\":\"typing\",\"chatId\":\"" + chatId + "\"}");
				}
				catch (RuntimeException closed) {
					break;
				}
			}
			Awaitility.await("the flooding socket is closed")
				.atMost(Duration.ofSeconds(10))
				.until(() -> flood.closeCode() != -1);
			assertThat(flood.closeCode()).isEqualTo(1008);

			Chats.send(flooder, chatId, "after the flood");
			calm.await("the real message",
					event -> "after the flood".equals(event.path("message").path("text").asString()));
			assertThat(calm.closeCode()).as("the reader's socket").isEqualTo(-1);
			assertThat(calm.events("typing")).as("typing events relayed to the reader").hasSizeLessThanOrEqualTo(20);
		}
	}

	/**
	 * Sends the auth frame the moment the socket opens (when given a token) and keeps the
	 * first event.
	 */
	private static final class FirstFrame implements WebSocket.Listener {

		final CompletableFuture<String> firstEvent = new CompletableFuture<>();

		private final String token;

		private final StringBuilder text = new StringBuilder();

		FirstFrame(String token) {
			this.token = token;
		}

		@Override
		public void onOpen(WebSocket socket) {
			if (this.token != null) {
				socket.sendText("{\"type\":\"auth\",\"token\":\"" + this.token + "\"}", true);
			}
			socket.request(1);
		}

		@Override
		public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
			this.text.append(data);
			if (last) {
				this.firstEvent.complete(this.text.toString());
			}
			socket.request(1);
			return null;
		}

		@Override
		public CompletionStage<?> onClose(WebSocket socket, int code, String reason) {
			this.firstEvent.complete("closed " + code + " " + reason);
			return null;
		}

		@Override
		public void onError(WebSocket socket, Throwable error) {
			this.firstEvent.complete("error " + error);
		}

	}

}
