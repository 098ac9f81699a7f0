package dev.carrier.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.HdrHistogram.Histogram;

/**
 * N senders, each on its own virtual thread, post messages back to back (closed loop)
 * over the bench chats for a fixed time, through the gateway or straight to chat-service
 * instances.
 */
final class SendLoad {

	/** A bench chat and its two members. */
	record BenchChat(String id, Accounts.User a, Accounts.User b) {
	}

	/**
	 * Where messages go: the gateway with bearer tokens, or chat-service with signed
	 * identity assertions.
	 */
	sealed interface Target permits ThroughGateway, StraightToChatService {

	}

	record ThroughGateway(URI gateway) implements Target {
	}

	record StraightToChatService(List<URI> instances, IdentitySigner signer) implements Target {
	}

	record PhaseResult(Phase phase, long acknowledged, long nanos, Histogram latency, Map<Integer, Long> failures,
			String firstFailure, int firstId, int endId) {

		double perSecond() {
			return nanos == 0 ? 0 : acknowledged * 1e9 / nanos;
		}

	}

	private static final String FILLER = " the quick brown fox jumps over the lazy dog, twice over";

	private final Api api;

	private final Deliveries deliveries;

	private final List<BenchChat> chats;

	private final AtomicInteger nextId = new AtomicInteger(1);

	final AtomicLong acknowledgedTotal = new AtomicLong();

	SendLoad(Api api, Deliveries deliveries, List<BenchChat> chats) {
		this.api = api;
		this.deliveries = deliveries;
		this.chats = chats;
	}

	PhaseResult run(Phase phase, Target target, int senders, Duration duration) throws Exception {
		Map<Integer, AtomicLong> failures = new ConcurrentHashMap<>();
		AtomicReference<String> firstFailure = new AtomicReference<>();
		int firstId = nextId.get();
		long start = System.nanoTime();
		long deadline = start + duration.toNanos();
		List<Future<Histogram>> running = new ArrayList<>();
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int s = 0; s < senders; s++) {
				int sender = s;
				running.add(
						pool.submit(() -> sendUntil(deadline, sender, senders, phase, target, failures, firstFailure)));
			}
		}
		long end = System.nanoTime();
		Histogram latency = new Histogram(Deliveries.HIGHEST_MICROS, 3);
		for (Future<Histogram> one : running) {
			latency.add(one.get());
		}
		Map<Integer, Long> failed = new TreeMap<>();
		failures.forEach((status, count) -> failed.put(status, count.get()));
		return new PhaseResult(phase, latency.getTotalCount(), end - start, latency, failed, firstFailure.get(),
				firstId, nextId.get());
	}

	private Histogram sendUntil(long deadline, int sender, int senders, Phase phase, Target target,
			Map<Integer, AtomicLong> failures, AtomicReference<String> firstFailure) throws InterruptedException {
		Histogram latency = new Histogram(Deliveries.HIGHEST_MICROS, 3);
		for (long round = 0; System.nanoTime() < deadline; round++) {
			BenchChat chat = chats.get((int) ((sender + round * senders) % chats.size()));
			Accounts.User from = ((round + sender) & 1) == 0 ? chat.a() : chat.b();
			int id = nextId.getAndIncrement();
			if (id >= Deliveries.CAPACITY) {
				break;
			}
			HttpRequest request = request(target, sender, chat.id(), from, id);
			long started = System.nanoTime();
			deliveries.sending(id, phase, from.id(), started);
			Api.Reply reply = api.exchange(request);
			long took = System.nanoTime() - started;
			if (reply.status() == 201) {
				deliveries.acknowledged(id, from.id(), (from == chat.a() ? chat.b() : chat.a()).id());
				latency.recordValue(Math.min(took / 1000, Deliveries.HIGHEST_MICROS));
				acknowledgedTotal.incrementAndGet();
			}
			else {
				failures.computeIfAbsent(reply.status(), status -> new AtomicLong()).incrementAndGet();
				firstFailure.compareAndSet(null, reply.toString());
				if (reply.status() == -1 || reply.status() == 429 || reply.status() >= 500) {
					Thread.sleep(50);
				}
			}
		}
		return latency;
	}

	private HttpRequest request(Target target, int sender, String chatId, Accounts.User from, int id) {
		String body = "{\"text\":\"" + deliveries.marker() + id + "#" + FILLER + "\",\"clientMessageId\":\""
				+ deliveries.marker().replace('#', '-') + id + "\"}";
		String path = "/api/chats/" + chatId + "/messages";
		HttpRequest.Builder request = switch (target) {
			case ThroughGateway(URI gateway) ->
				HttpRequest.newBuilder(gateway.resolve(path)).header("Authorization", "Bearer " + from.token());
			case StraightToChatService(List<URI> instances, IdentitySigner signer) ->
				HttpRequest.newBuilder(instances.get(sender % instances.size()).resolve(path))
					.header("X-Carrier-Identity", signer.identity(from.id()));
		};
		return request.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(body))
			.build();
	}

	/**
	 * Sends {@code perChat} messages to each chat from one user, {@code parallel} at a
	 * time (no timing).
	 */
	long seed(List<String> chatIds, Accounts.User from, int perChat, int parallel) throws Exception {
		AtomicLong ok = new AtomicLong();
		AtomicReference<String> failure = new AtomicReference<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(parallel, Thread.ofVirtual().factory())) {
			for (String chatId : chatIds) {
				pool.submit(() -> {
					for (int i = 0; i < perChat; i++) {
						int id = nextId.getAndIncrement();
						HttpRequest request = request(new ThroughGateway(api.base()), 0, chatId, from, id);
						for (int attempt = 0; attempt < 5; attempt++) {
							Api.Reply reply = api.exchange(request);
							if (reply.status() == 201) {
								ok.incrementAndGet();
								break;
							}
							failure.compareAndSet(null, reply.toString());
							Thread.sleep(100);
						}
					}
					return null;
				});
			}
		}
		if (failure.get() != null) {
			System.out.println("  (some hydration sends were retried; first failure: " + failure.get() + ")");
		}
		return ok.get();
	}

}
