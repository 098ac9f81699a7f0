package dev.carrier.chat.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/**
 * A WebSocket client (the JDK's) that records every frame and the close code.
 */
public final class WsClient implements WebSocket.Listener, AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	public final List<JsonNode> frames = new CopyOnWriteArrayList<>();

	public volatile Integer closeCode;

	private final StringBuilder partial = new StringBuilder();

	private WebSocket socket;

	private WsClient() {
	}

	/** Connects; {@code subprotocol} may be null. */
	public static WsClient connect(int port, String subprotocol) {
		return connect(port, subprotocol, Map.of());
	}

	/** Connects with these handshake headers, as the gateway's proxy does. */
	public static WsClient connect(int port, String subprotocol, Map<String, String> headers) {
		WsClient client = new WsClient();
		WebSocket.Builder builder = HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.connectTimeout(Duration.ofSeconds(5));
		headers.forEach(builder::header);
		if (subprotocol != null) {
			builder.subprotocols(subprotocol);
		}
		try {
			client.socket = builder.buildAsync(URI.create("ws://127.0.0.1:" + port + "/api/ws"), client)
				.get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("WebSocket connect failed", ex);
		}
		return client;
	}

	/** Connects, authenticates with a first frame and waits for "ready". */
	public static WsClient ready(int port, String token) {
		WsClient client = connect(port, null);
		client.send("{\"type\":\"auth\",\"token\":\"" + token + "\"}");
		await().atMost(Duration.ofSeconds(10)).until(() -> client.hasType("ready"));
		return client;
	}

	public String acceptedSubprotocol() {
		return this.socket.getSubprotocol();
	}

	public void send(String text) {
		this.socket.sendText(text, true).join();
	}

	public boolean hasType(String type) {
		return this.frames.stream().anyMatch(frame -> type.equals(frame.path("type").asString()));
	}

	public List<JsonNode> ofType(String type) {
		return this.frames.stream().filter(frame -> type.equals(frame.path("type").asString())).toList();
	}

	@Override
	public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
		this.partial.append(data);
		if (last) {
			this.frames.add(JSON.readTree(this.partial.toString()));
			this.partial.setLength(0);
		}
		webSocket.request(1);
		return null;
	}

	@Override
	public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
		this.closeCode = statusCode;
		return CompletableFuture.completedFuture(null);
	}

	@Override
	public void onError(WebSocket webSocket, Throwable error) {
		if (this.closeCode == null) {
			this.closeCode = -1;
		}
	}

	@Override
	public void close() {
		if (this.closeCode == null) {
			this.socket.abort();
		}
	}

}
