package dev.carrier.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Every bench message carries its bench id in its text ({@code b#<run>#<id>#}); each
 * connected WebSocket session looks for that marker in {@code message.created} events, so
 * an arrival is matched to its send's start time without parsing the JSON. Per id we keep
 * the send start, how many deliveries were due (the ready sessions of the chat's members
 * when the send was acknowledged) and how many arrived.
 */
final class Deliveries {

	static final int CAPACITY = 1 << 21;

	static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(5);

	private final String marker;

	private final AtomicLongArray sentAt = new AtomicLongArray(CAPACITY);

	private final AtomicIntegerArray dueAtSender = new AtomicIntegerArray(CAPACITY);

	private final AtomicIntegerArray dueAtOthers = new AtomicIntegerArray(CAPACITY);

	private final AtomicIntegerArray arrivedAtSender = new AtomicIntegerArray(CAPACITY);

	private final AtomicIntegerArray arrivedAtOthers = new AtomicIntegerArray(CAPACITY);

	/**
	 * The sender of each message (an index into the users), so echoes to the sender's own
	 * sessions count apart.
	 */
	private final int[] senderOf = new int[CAPACITY];

	private final Map<String, Integer> userIndex = new ConcurrentHashMap<>();

	private final byte[] phaseOf = new byte[CAPACITY];

	private final Histogram[] latency = new Histogram[Phase.values().length];

	private final Map<String, AtomicInteger> readySessions = new ConcurrentHashMap<>();

	private final List<Session> sessions = new ArrayList<>();

	final AtomicInteger closedEarly = new AtomicInteger();

	final AtomicReference<String> firstConnectError = new AtomicReference<>();

	private final Map<String, AtomicInteger> refusals = new ConcurrentHashMap<>();

	Deliveries(String run) {
		this.marker = "b#" + run + "#";
		for (int i = 0; i < latency.length; i++) {
			latency[i] = new ConcurrentHistogram(HIGHEST_MICROS, 3);
		}
	}

	String marker() {
		return marker;
	}

	/** Called just before the HTTP send of bench message {@code id}. */
	void sending(int id, Phase phase, String senderId, long nanos) {
		phaseOf[id] = (byte) phase.ordinal();
		senderOf[id] = userIndex.getOrDefault(senderId, -1);
		sentAt.set(id, nanos);
	}

	/**
	 * Called on a 201: from now on the message is due on every ready session of the
	 * chat's members.
	 */
	void acknowledged(int id, String senderId, String recipientId) {
		dueAtSender.set(id, ready(senderId));
		dueAtOthers.set(id, ready(recipientId));
	}

	private int ready(String userId) {
		AtomicInteger count = readySessions.get(userId);
		return count == null ? 0 : count.get();
	}

	/**
	 * Opens {@code sessionsPerUser} sessions for each user, {@code parallel} at a time.
	 */
	int connect(URI ws, List<Accounts.User> users, int sessionsPerUser, int parallel) throws InterruptedException {
		List<HttpClient> clients = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			clients.add(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
		}
		for (Accounts.User user : users) {
			userIndex.putIfAbsent(user.id(), userIndex.size());
		}
		Semaphore permits = new Semaphore(parallel);
		AtomicInteger connected = new AtomicInteger();
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			int n = 0;
			for (Accounts.User user : users) {
				for (int s = 0; s < sessionsPerUser; s++) {
					HttpClient client = clients.get(n++ % clients.size());
					pool.submit(() -> {
						permits.acquireUninterruptibly();
						try {
							// a real client reconnects too: five attempts, the refusals
							// are counted
							for (int attempt = 0; attempt < 5; attempt++) {
								try {
									open(client, ws, user);
									connected.incrementAndGet();
									return;
								}
								catch (Exception ex) {
									String why = describe(ex);
									refusals.computeIfAbsent(why, k -> new AtomicInteger()).incrementAndGet();
									firstConnectError.compareAndSet(null, why);
									Thread.sleep(200L << Math.min(attempt, 3));
								}
							}
						}
						catch (InterruptedException ex) {
							Thread.currentThread().interrupt();
						}
						finally {
							permits.release();
						}
					});
				}
			}
		}
		return connected.get();
	}

	private void open(HttpClient client, URI ws, Accounts.User user) throws Exception {
		Session session = new Session(user.id(), userIndex.get(user.id()));
		WebSocket socket = client.newWebSocketBuilder()
			.connectTimeout(Duration.ofSeconds(10))
			.buildAsync(ws, session)
			.get(20, TimeUnit.SECONDS);
		session.socket = socket;
		try {
			socket.sendText("{\"type\":\"auth\",\"token\":\"" + user.token() + "\"}", true).get(10, TimeUnit.SECONDS);
			session.ready.get(20, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			socket.abort();
			throw ex;
		}
		readySessions.computeIfAbsent(user.id(), id -> new AtomicInteger()).incrementAndGet();
		synchronized (sessions) {
			sessions.add(session);
		}
	}

	/**
	 * The handshake's HTTP status when the server refused the upgrade, else the
	 * exception.
	 */
	private static String describe(Throwable ex) {
		Throwable cause = ex;
		while ((cause instanceof java.util.concurrent.ExecutionException
				|| cause instanceof java.util.concurrent.CompletionException) && cause.getCause() != null) {
			cause = cause.getCause();
		}
		if (cause instanceof java.net.http.WebSocketHandshakeException refused) {
			Object body = refused.getResponse().body();
			String text = body instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
					: String.valueOf(body);
			return "handshake HTTP " + refused.getResponse().statusCode() + (text.isBlank() || text.equals("null") ? ""
					: " " + text.substring(0, Math.min(200, text.length())));
		}
		return cause.toString();
	}

	Map<String, Integer> refusals() {
		Map<String, Integer> out = new java.util.TreeMap<>();
		refusals.forEach((why, count) -> out.put(why.length() > 60 ? why.substring(0, 60) : why, count.get()));
		return out;
	}

	void closeAll() {
		synchronized (sessions) {
			for (Session session : sessions) {
				session.closing = true;
				try {
					session.socket.sendClose(WebSocket.NORMAL_CLOSURE, "bench done");
				}
				catch (RuntimeException ex) {
					// already gone
				}
			}
		}
	}

	/**
	 * Expected vs received deliveries of the acknowledged messages with ids in [from,
	 * to).
	 */
	Tally tally(int from, int to) {
		long expected = 0;
		long received = 0;
		long missingAtSender = 0;
		long missingAtOthers = 0;
		long duplicates = 0;
		int messagesMissing = 0;
		for (int id = from; id < Math.min(to, CAPACITY); id++) {
			int dueSender = dueAtSender.get(id);
			int dueOthers = dueAtOthers.get(id);
			if (dueSender + dueOthers == 0) {
				continue;
			}
			int atSender = arrivedAtSender.get(id);
			int atOthers = arrivedAtOthers.get(id);
			expected += dueSender + dueOthers;
			received += atSender + atOthers;
			missingAtSender += Math.max(0, dueSender - atSender);
			missingAtOthers += Math.max(0, dueOthers - atOthers);
			duplicates += Math.max(0, atSender - dueSender) + Math.max(0, atOthers - dueOthers);
			if (atSender < dueSender || atOthers < dueOthers) {
				messagesMissing++;
			}
		}
		return new Tally(expected, received, missingAtSender + missingAtOthers, missingAtSender, missingAtOthers,
				duplicates, messagesMissing);
	}

	/** Deliveries of acknowledged messages in [from, to) still in flight. */
	long outstanding(int from, int to) {
		return tally(from, to).missing();
	}

	Histogram latency(Phase phase) {
		return latency[phase.ordinal()];
	}

	/**
	 * missingAtSender: echoes to the sender's own sessions (docs/api.md: every session of
	 * every member).
	 */
	record Tally(long expected, long received, long missing, long missingAtSender, long missingAtRecipients,
			long duplicates, int messagesMissing) {
	}

	private void arrivedNow(int sessionUser, CharSequence text, long now) {
		String frame = text.toString();
		int at = frame.indexOf(marker);
		if (at < 0 || !frame.contains("message.created")) {
			return;
		}
		int id = 0;
		for (int i = at + marker.length(); i < frame.length(); i++) {
			char c = frame.charAt(i);
			if (c < '0' || c > '9') {
				break;
			}
			id = id * 10 + (c - '0');
		}
		if (id <= 0 || id >= CAPACITY) {
			return;
		}
		long start = sentAt.get(id);
		if (start != 0 && senderOf[id] == sessionUser) {
			arrivedAtSender.incrementAndGet(id);
		}
		else {
			arrivedAtOthers.incrementAndGet(id);
		}
		if (start != 0) {
			long micros = Math.min(Math.max(0, (now - start) / 1000), HIGHEST_MICROS);
			latency[phaseOf[id]].recordValue(micros);
		}
	}

	/**
	 * One WebSocket session: waits for ready, then records bench messages as they arrive.
	 */
	private final class Session implements WebSocket.Listener {

		final String userId;

		final int userIndex;

		final CompletableFuture<Void> ready = new CompletableFuture<>();

		final StringBuilder partial = new StringBuilder();

		volatile WebSocket socket;

		volatile boolean closing;

		Session(String userId, int userIndex) {
			this.userId = userId;
			this.userIndex = userIndex;
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
			arrivedNow(userIndex, frame, now);
			return null;
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

		private void lost() {
			if (!closing && ready.isDone() && !ready.isCompletedExceptionally()) {
				closedEarly.incrementAndGet();
				AtomicInteger count = readySessions.get(userId);
				if (count != null) {
					count.decrementAndGet();
				}
			}
		}

	}

}
