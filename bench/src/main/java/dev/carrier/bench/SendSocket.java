package dev.carrier.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One WebSocket a bench user sends messages on: authenticated with the auth frame, used
 * once the server says {@code ready}. Each answer ({@code sent} or {@code send.failed})
 * is matched to its send by clientMessageId and becomes the reply the POST would have
 * given. Once the socket closes or fails, every send still waiting fails with the reason
 * (status -1, as a POST's connection error does) and the socket is not used again: its
 * outcome is unknown, which is what docs/api.md says of a socket that closes before the
 * answer.
 */
final class SendSocket implements WebSocket.Listener {

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(20);

	/** A frame not written by then means the socket is stuck: give it up. */
	private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(10);

	private final Map<String, CompletableFuture<Api.Reply>> waiting = new ConcurrentHashMap<>();

	private final CompletableFuture<Void> ready = new CompletableFuture<>();

	/**
	 * Java's WebSocket refuses a sendText while the previous one is still being written.
	 */
	private final ReentrantLock writing = new ReentrantLock();

	/** Why the socket can no longer be used; null while it can. */
	private final AtomicReference<String> gone = new AtomicReference<>();

	/**
	 * Only the listener's thread touches it: the JDK calls a listener one frame at a
	 * time.
	 */
	private final StringBuilder partial = new StringBuilder();

	private volatile WebSocket socket;

	/** Not connected yet: {@link #onOpen} gives it its socket. */
	SendSocket() {
	}

	/** Opens a socket through the gateway and waits until it is ready to send. */
	static SendSocket open(HttpClient client, URI uri, String token) throws Exception {
		SendSocket listener = new SendSocket();
		listener.socket = client.newWebSocketBuilder()
			.connectTimeout(CONNECT_TIMEOUT)
			.buildAsync(uri, listener)
			.get(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		try {
			listener.write(Api.JSON.writeValueAsString(Map.of("type", "auth", "token", token)));
			listener.ready.get(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			listener.socket.abort();
			throw ex;
		}
		return listener;
	}

	boolean isUsable() {
		return gone.get() == null;
	}

	/** Sends one frame and waits for its answer, at most {@code timeout}. */
	Api.Reply send(String frame, String clientMessageId, Duration timeout) {
		CompletableFuture<Api.Reply> answer = new CompletableFuture<>();
		waiting.put(clientMessageId, answer);
		try {
			String why = gone.get();
			if (why != null) {
				// gone between the caller's check and now: fail this send as well
				lost(why);
			}
			else {
				try {
					write(frame);
				}
				catch (Exception ex) {
					lost("writing the send frame failed: " + WebSockets.describe(ex));
				}
			}
			return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			// a chat-service that predates sends over the socket ignores the frame
			return Api.Reply.transportFailure("no answer on the socket within " + timeout.toSeconds()
					+ " s (a chat-service without sends over the socket never answers: --send-over post)");
		}
		catch (ExecutionException ex) {
			// answers are only ever completed normally; kept for the compiler
			return Api.Reply.transportFailure(WebSockets.describe(ex));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		finally {
			waiting.remove(clientMessageId, answer);
		}
	}

	/** Says goodbye; a send still waiting (there should be none) fails. */
	void close() {
		WebSocket connection = socket;
		if (giveUp("closed by the bench") && connection != null) {
			try {
				connection.sendClose(WebSocket.NORMAL_CLOSURE, "bench done");
			}
			catch (RuntimeException ex) {
				// already gone
			}
		}
	}

	private void write(String frame) throws Exception {
		writing.lock();
		try {
			socket.sendText(frame, true).get(WRITE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		}
		finally {
			writing.unlock();
		}
	}

	/**
	 * The socket failed or the server closed it: drop the connection, nothing may arrive
	 * late.
	 */
	private void lost(String why) {
		WebSocket connection = socket;
		if (giveUp(why) && connection != null) {
			connection.abort();
		}
	}

	/**
	 * Marks the socket unusable (the first reason stays) and fails every send still
	 * waiting with it; true the first time.
	 */
	private boolean giveUp(String why) {
		boolean first = gone.compareAndSet(null, why);
		ready.completeExceptionally(new IllegalStateException(why));
		Api.Reply failure = Api.Reply.transportFailure(gone.get());
		waiting.values().forEach(answer -> answer.complete(failure));
		return first;
	}

	@Override
	public void onOpen(WebSocket webSocket) {
		socket = webSocket;
		webSocket.request(Long.MAX_VALUE);
	}

	@Override
	public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
		partial.append(data);
		if (last) {
			String text = partial.toString();
			partial.setLength(0);
			read(text);
		}
		return null;
	}

	private void read(String text) {
		JsonNode frame;
		try {
			frame = Api.JSON.readTree(text);
		}
		catch (JacksonException ex) {
			return; // not an answer to any send of ours
		}
		switch (frame.path("type").asString("")) {
			case "ready" -> ready.complete(null);
			case "sent" ->
				answer(frame, new Api.Reply(201, Api.JSON.writeValueAsBytes(Map.of("message", frame.path("message")))));
			case "send.failed" -> answer(frame, SendFailure.reply(frame));
			default -> {
				// message.created (echoes of the user's sends) and the rest: not answers
			}
		}
	}

	private void answer(JsonNode frame, Api.Reply reply) {
		CompletableFuture<Api.Reply> answer = waiting.get(frame.path("clientMessageId").asString(""));
		if (answer != null) {
			answer.complete(reply);
		}
	}

	@Override
	public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
		lost("socket closed " + statusCode + (reason == null || reason.isBlank() ? "" : " " + reason));
		return null;
	}

	@Override
	public void onError(WebSocket webSocket, Throwable error) {
		lost("socket failed: " + WebSockets.describe(error));
	}

}
