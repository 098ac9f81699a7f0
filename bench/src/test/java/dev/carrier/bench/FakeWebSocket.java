package dev.carrier.bench;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;

/**
 * A WebSocket with no network behind it, for {@link SendSocket}: it refuses a second
 * sendText while one is still being written (as the JDK's does), writes each frame a
 * moment later on another thread, and then answers it as the test says (or not at all).
 * Frames reach the listener one at a time, as the JDK delivers them.
 */
final class FakeWebSocket implements WebSocket {

	/** A server that answers every send frame with {@code sent}. */
	static final Function<JsonNode, String> ACKNOWLEDGES = frame -> """
			{"type":"sent","clientMessageId":"%s","message":{"id":"m1","seq":1}}"""
		.formatted(frame.path("clientMessageId").asString());

	/** A server that never answers. */
	static final Function<JsonNode, String> SILENT = frame -> null;

	private static final Executor LATER = CompletableFuture.delayedExecutor(1, TimeUnit.MILLISECONDS);

	final List<String> written = new CopyOnWriteArrayList<>();

	final AtomicBoolean aborted = new AtomicBoolean();

	final AtomicBoolean closeSent = new AtomicBoolean();

	private final AtomicBoolean writing = new AtomicBoolean();

	private final SendSocket listener;

	private final Function<JsonNode, String> server;

	private FakeWebSocket(SendSocket listener, Function<JsonNode, String> server) {
		this.listener = listener;
		this.server = server;
	}

	/** A SendSocket connected to a fake server. */
	static FakeWebSocket connect(SendSocket listener, Function<JsonNode, String> server) {
		FakeWebSocket socket = new FakeWebSocket(listener, server);
		listener.onOpen(socket);
		return socket;
	}

	/** A frame from the server. */
	void receive(String frame) {
		synchronized (listener) {
			listener.onText(this, frame, true);
		}
	}

	/** The server closes the connection. */
	void receiveClose(int statusCode, String reason) {
		synchronized (listener) {
			listener.onClose(this, statusCode, reason);
		}
	}

	@Override
	public CompletableFuture<WebSocket> sendText(CharSequence data, boolean last) {
		if (!writing.compareAndSet(false, true)) {
			throw new IllegalStateException("Send pending");
		}
		String frame = data.toString();
		return CompletableFuture.supplyAsync(() -> {
			written.add(frame);
			writing.set(false);
			String answer = server.apply(Api.JSON.readTree(frame));
			if (answer != null) {
				receive(answer);
			}
			return this;
		}, LATER);
	}

	@Override
	public CompletableFuture<WebSocket> sendClose(int statusCode, String reason) {
		closeSent.set(true);
		return CompletableFuture.completedFuture(this);
	}

	@Override
	public void abort() {
		aborted.set(true);
	}

	@Override
	public void request(long n) {
	}

	@Override
	public CompletableFuture<WebSocket> sendBinary(ByteBuffer data, boolean last) {
		throw new UnsupportedOperationException();
	}

	@Override
	public CompletableFuture<WebSocket> sendPing(ByteBuffer message) {
		throw new UnsupportedOperationException();
	}

	@Override
	public CompletableFuture<WebSocket> sendPong(ByteBuffer message) {
		throw new UnsupportedOperationException();
	}

	@Override
	public String getSubprotocol() {
		return "";
	}

	@Override
	public boolean isOutputClosed() {
		return closeSent.get() || aborted.get();
	}

	@Override
	public boolean isInputClosed() {
		return aborted.get();
	}

}
