package dev.carrier.e2e.authorization;

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

/**
 * A WebSocket opened with a token only in its query string; records anything the server
 * sends.
 */
final class QuerySocket implements WebSocket.Listener {

	private final List<String> frames = new CopyOnWriteArrayList<>();

	private final CompletableFuture<Integer> closed = new CompletableFuture<>();

	private WebSocket socket;

	static QuerySocket open(String query) {
		QuerySocket listener = new QuerySocket();
		URI uri = URI.create(CarrierApi.BASE.toString().replaceFirst("^http", "ws") + "/api/ws" + query);
		try {
			listener.socket = HttpClient.newHttpClient()
				.newWebSocketBuilder()
				.connectTimeout(Duration.ofSeconds(5))
				.buildAsync(uri, listener)
				.get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			// Refusing the upgrade is fine too.
			listener.closed.complete(-1);
		}
		return listener;
	}

	@Override
	public void onOpen(WebSocket webSocket) {
		webSocket.request(Long.MAX_VALUE);
	}

	@Override
	public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
		frames.add(data.toString());
		return null;
	}

	@Override
	public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
		closed.complete(statusCode);
		return null;
	}

	List<String> readyOrEvents() {
		return frames;
	}

	void abort() {
		if (socket != null) {
			socket.abort();
		}
	}

}
