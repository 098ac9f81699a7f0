package dev.carrier.bench;

import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One WebSocket session of a bench user: waits for {@code ready}, then hands every frame
 * to the deliveries with the time it arrived.
 */
final class BenchSession implements WebSocket.Listener {

	private final String userId;

	private final int userIndex;

	private final Deliveries deliveries;

	private final AtomicInteger closedEarly;

	private final StringBuilder partial = new StringBuilder();

	final CompletableFuture<Void> ready = new CompletableFuture<>();

	volatile WebSocket socket;

	volatile boolean closing;

	BenchSession(String userId, Deliveries deliveries, AtomicInteger closedEarly) {
		this.userId = userId;
		this.userIndex = deliveries.userIndex(userId);
		this.deliveries = deliveries;
		this.closedEarly = closedEarly;
	}

	@Override
	public void onOpen(WebSocket webSocket) {
		webSocket.request(Long.MAX_VALUE);
	}

	@Override
	public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
		long now = System.nanoTime();
		if (!last) {
			partial.append(data);
			return null;
		}
		CharSequence frame = data;
		if (!partial.isEmpty()) {
			frame = partial.append(data).toString();
			partial.setLength(0);
		}
		if (!ready.isDone()) {
			if (frame.toString().contains("\"ready\"")) {
				ready.complete(null);
			}
			return null;
		}
		String text = frame.toString();
		int at = text.indexOf(deliveries.marker());
		if (at >= 0 && text.contains("message.created")) {
			deliveries.arrived(userIndex, idAfter(text, at + deliveries.marker().length()), now);
		}
		return null;
	}

	/** The bench id written after the marker ({@code b#<run>#<id>#}). */
	private static int idAfter(String text, int from) {
		int id = 0;
		for (int i = from; i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9'; i++) {
			id = id * 10 + (text.charAt(i) - '0');
		}
		return id;
	}

	@Override
	public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
		ready.completeExceptionally(new IllegalStateException("closed " + statusCode + " " + reason));
		lost();
		return null;
	}

	@Override
	public void onError(WebSocket webSocket, Throwable error) {
		ready.completeExceptionally(error);
		lost();
	}

	/** A session the server closed: its user is due one delivery fewer from now on. */
	private void lost() {
		if (!closing && ready.isDone() && !ready.isCompletedExceptionally()) {
			closedEarly.incrementAndGet();
			deliveries.sessionLost(userId);
		}
	}

}
