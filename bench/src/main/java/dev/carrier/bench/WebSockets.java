package dev.carrier.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The bench's WebSocket clients through the gateway ({@code /api/ws}, first frame
 * {@code {"type":"auth",...}}, then waits for {@code ready}); every frame after that goes
 * to {@link Deliveries}.
 */
final class WebSockets {

	/**
	 * One HTTP client, and so one selector thread reading frames, per core. Each message
	 * reaches about 20 of the sockets; spread over four selectors it woke up to four
	 * threads, and on two cores the bench's selectors switched 9 times per message
	 * (README, Performance).
	 */
	private static final int SELECTORS = Runtime.getRuntime().availableProcessors();

	private final Deliveries deliveries;

	private final List<BenchSession> sessions = new ArrayList<>();

	private final Map<String, AtomicInteger> refusals = new ConcurrentHashMap<>();

	final AtomicInteger closedEarly = new AtomicInteger();

	final AtomicReference<String> firstConnectError = new AtomicReference<>();

	WebSockets(Deliveries deliveries) {
		this.deliveries = deliveries;
	}

	/**
	 * Opens {@code sessionsPerUser} sessions for each user, {@code parallel} at a time;
	 * how many are ready.
	 */
	int connect(URI ws, List<Accounts.User> users, int sessionsPerUser, int parallel) {
		List<HttpClient> clients = new ArrayList<>();
		for (int i = 0; i < SELECTORS; i++) {
			clients.add(client());
		}
		deliveries.register(users);
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

	/**
	 * A client whose listeners run on its selector thread, where the frame was read. With
	 * the default executor every frame was handed to a pooled thread first: in three
	 * alternating pairs of {@code --quick} runs that cost the bench 1.30-1.85 ms of CPU
	 * per message against 0.81-1.21 ms inline, CPU the stack under test did not get
	 * (README, Performance). The listeners never block, so running them inline is safe.
	 */
	static HttpClient client() {
		return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).executor(Runnable::run).build();
	}

	private void open(HttpClient client, URI ws, Accounts.User user) throws Exception {
		BenchSession session = new BenchSession(user.id(), deliveries, closedEarly);
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
		deliveries.sessionReady(user.id());
		synchronized (sessions) {
			sessions.add(session);
		}
	}

	/**
	 * The handshake's HTTP status when the server refused the upgrade, else the
	 * exception.
	 */
	static String describe(Throwable ex) {
		Throwable cause = ex;
		while ((cause instanceof ExecutionException || cause instanceof CompletionException)
				&& cause.getCause() != null) {
			cause = cause.getCause();
		}
		if (cause instanceof WebSocketHandshakeException refused) {
			Object body = refused.getResponse().body();
			String text = body instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
					: String.valueOf(body);
			return "handshake HTTP " + refused.getResponse().statusCode() + (text.isBlank() || text.equals("null") ? ""
					: " " + text.substring(0, Math.min(200, text.length())));
		}
		return cause.toString();
	}

	Map<String, Integer> refusals() {
		Map<String, Integer> out = new TreeMap<>();
		refusals.forEach((why, count) -> out.put(why.length() > 60 ? why.substring(0, 60) : why, count.get()));
		return out;
	}

	void closeAll() {
		synchronized (sessions) {
			for (BenchSession session : sessions) {
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

}
