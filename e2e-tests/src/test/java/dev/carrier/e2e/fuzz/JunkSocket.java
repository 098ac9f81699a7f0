package dev.carrier.e2e.fuzz;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import dev.carrier.e2e.support.CarrierApi;
import dev.carrier.e2e.support.EventSocket;
import tools.jackson.databind.JsonNode;

/** A raw WebSocket that records how the server closes it; frames may be anything. */
final class JunkSocket implements WebSocket.Listener, AutoCloseable {

	private final CompletableFuture<Integer> closed = new CompletableFuture<>();

	private final CompletableFuture<Void> ready = new CompletableFuture<>();

	private final StringBuilder partial = new StringBuilder();

	private final List<JsonNode> sendAnswers = new CopyOnWriteArrayList<>();

	private WebSocket socket;

	static JunkSocket open() {
		JunkSocket listener = new JunkSocket();
		URI uri = URI.create(CarrierApi.BASE.toString().replaceFirst("^http", "ws") + "/api/ws");
		listener.socket = HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.connectTimeout(Duration.ofSeconds(5))
			.buildAsync(uri, listener)
			.join();
		return listener;
	}

	/**
	 * Authenticated in the handshake ({@code bearer.<token>} subprotocol), as the web app
	 * is.
	 */
	static JunkSocket authenticated(String token) {
		JunkSocket listener = new JunkSocket();
		listener.socket = EventSocket.openWithToken(EventSocket.GATEWAY_WS, token, listener);
		listener.ready.orTimeout(10, TimeUnit.SECONDS).join();
		return listener;
	}

	void sendText(String text) {
		try {
			socket.sendText(text, true).get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			// The server closed the socket, possibly mid-frame; the close code tells
			// why. Its close
			// frame can trail the failed write by a few seconds on a loaded machine.
			awaitClose(Duration.ofSeconds(5));
			if (!closed.isDone()) {
				closed.complete(1006);
			}
		}
	}

	void awaitClose(Duration atMost) {
		try {
			closed.get(atMost.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (Exception ex) {
			// still open
		}
	}

	int closeCode() {
		return closed.isDone() ? closed.join() : -1;
	}

	@Override
	public void onOpen(WebSocket webSocket) {
		webSocket.request(Long.MAX_VALUE);
	}

	/**
	 * The answers to the sends this socket made ({@code sent} or {@code send.failed}).
	 */
	List<JsonNode> sendAnswers() {
		return List.copyOf(sendAnswers);
	}

	@Override
	public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
		partial.append(data);
		if (!last) {
			return null;
		}
		String frame = partial.toString();
		partial.setLength(0);
		if (frame.contains("\"ready\"")) {
			ready.complete(null);
		}
		if (frame.contains("\"sent\"") || frame.contains("\"send.failed\"")) {
			JsonNode answer = CarrierApi.JSON.readTree(frame);
			if (List.of("sent", "send.failed").contains(answer.path("type").asString())) {
				sendAnswers.add(answer);
			}
		}
		return null;
	}

	@Override
	public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
		closed.complete(statusCode);
		ready.completeExceptionally(new IllegalStateException("closed " + statusCode + " " + reason));
		return null;
	}

	@Override
	public void onError(WebSocket webSocket, Throwable error) {
		closed.complete(1006);
		ready.completeExceptionally(error);
	}

	@Override
	public void close() {
		if (!closed.isDone()) {
			socket.abort();
		}
	}

}
