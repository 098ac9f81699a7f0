package dev.carrier.e2e.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;

/**
 * A live WebSocket session of one user, recording every event it receives with its
 * arrival time.
 */
public final class EventSocket implements WebSocket.Listener, AutoCloseable {

	public record Received(JsonNode event, long nanos) {
	}

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final CompletableFuture<Void> ready = new CompletableFuture<>();

	private final StringBuilder partial = new StringBuilder();

	private volatile int closeCode = -1;

	private volatile long closedAtNanos;

	private WebSocket socket;

	/** The gateway's WebSocket endpoint. */
	public static final URI GATEWAY_WS = URI.create(CarrierApi.BASE.toString().replaceFirst("^http", "ws") + "/api/ws");

	/** Connects through the gateway. */
	public static EventSocket connect(String token) {
		return connect(GATEWAY_WS, token);
	}

	/**
	 * Opens a WebSocket with the token in the handshake ({@code bearer.<token>}), as the
	 * web app does.
	 */
	public static WebSocket openWithToken(URI uri, String token, WebSocket.Listener listener) {
		return HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.connectTimeout(Duration.ofSeconds(5))
			.subprotocols("bearer." + token)
			.buildAsync(uri, listener)
			.join();
	}

	/**
	 * Connects to the given WebSocket URI (a chat-service instance directly, for fan-out
	 * tests).
	 */
	public static EventSocket connect(URI uri, String token) {
		EventSocket listener = new EventSocket();
		listener.socket = openWithToken(uri, token, listener);
		try {
			listener.ready.get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(
					"WebSocket at " + uri + " never became ready (close code " + listener.closeCode + ")", ex);
		}
		return listener;
	}

	/** Connects and expects the server to refuse the session with a close code. */
	public static int closeCodeFor(String token) {
		EventSocket listener = new EventSocket();
		URI uri = URI.create(CarrierApi.BASE.toString().replaceFirst("^http", "ws") + "/api/ws");
		listener.socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, listener).join();
		listener.socket.sendText("{\"type\":\"auth\",\"token\":\"" + token + "\"}", true);
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> listener.closeCode != -1);
		return listener.closeCode;
	}

	@Override
	public void onOpen(WebSocket webSocket) {
		webSocket.request(1);
	}

	@Override
	public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
		partial.append(data);
		if (last) {
			JsonNode event = CarrierApi.JSON.readTree(partial.toString());
			partial.setLength(0);
			if ("ready".equals(event.path("type").asString())) {
				ready.complete(null);
			}
			else {
				received.add(new Received(event, System.nanoTime()));
			}
		}
		webSocket.request(1);
		return null;
	}

	@Override
	public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
		closedAtNanos = System.nanoTime();
		closeCode = statusCode;
		ready.completeExceptionally(new IllegalStateException("closed " + statusCode + " " + reason));
		return null;
	}

	@Override
	public void onError(WebSocket webSocket, Throwable error) {
		closeCode = closeCode == -1 ? 1006 : closeCode;
		ready.completeExceptionally(error);
	}

	/** The code the server closed this socket with, or -1 while it is open. */
	public int closeCode() {
		return closeCode;
	}

	/** {@link System#nanoTime()} when the server's close arrived. */
	public long closedAtNanos() {
		return closedAtNanos;
	}

	public void send(String json) {
		socket.sendText(json, true).join();
	}

	public List<Received> received() {
		return new ArrayList<>(received);
	}

	public List<JsonNode> events(String type) {
		return received.stream().map(Received::event).filter(e -> type.equals(e.path("type").asString())).toList();
	}

	/**
	 * Waits (bounded) until an event matching the predicate has arrived, and returns it.
	 */
	public JsonNode await(String what, Predicate<JsonNode> match) {
		Awaitility.await(what)
			.atMost(Duration.ofSeconds(10))
			.until(() -> received.stream().map(Received::event).anyMatch(match));
		return received.stream().map(Received::event).filter(match).findFirst().orElseThrow();
	}

	public void assertNothingMentions(String chatId) {
		assertThat(received).noneMatch(r -> r.event().toString().contains(chatId));
	}

	@Override
	public void close() {
		socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
	}

}
