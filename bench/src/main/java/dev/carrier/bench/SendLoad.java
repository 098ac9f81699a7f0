package dev.carrier.bench;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.HdrHistogram.Histogram;

/**
 * N senders, each on its own virtual thread, send messages back to back (closed loop)
 * over the bench chats for a fixed time, through the gateway (over the socket or by POST,
 * as the {@link SendChannel} says) or straight to chat-service instances (by POST).
 * Either both members of a chat take turns sending, or only its first member does (the
 * seed workload: one user writing to many).
 */
final class SendLoad {

	/** A bench chat and its two members. */
	record BenchChat(String id, Accounts.User a, Accounts.User b) {
	}

	/**
	 * One run of the load: the 201s, their latency, the failures, and the ids it used.
	 */
	record PhaseResult(String label, long acknowledged, long nanos, Histogram latency, Map<Integer, Long> failures,
			String firstFailure, int firstId, int endId, int window) {

		double perSecond() {
			return nanos == 0 ? 0 : acknowledged * 1e9 / nanos;
		}

	}

	private final Api api;

	private final SendChannel channel;

	private final Deliveries deliveries;

	private final List<BenchChat> chats;

	private final boolean bothMembersSend;

	final AtomicLong acknowledgedTotal = new AtomicLong();

	SendLoad(Api api, SendChannel channel, Deliveries deliveries, List<BenchChat> chats, boolean bothMembersSend) {
		this.api = api;
		this.channel = channel;
		this.deliveries = deliveries;
		this.chats = chats;
		this.bothMembersSend = bothMembersSend;
	}

	PhaseResult run(String label, SendTarget target, int senders, Duration duration) throws Exception {
		Failures failures = new Failures();
		int window = deliveries.newWindow();
		int firstId = deliveries.peekId();
		long start = System.nanoTime();
		long deadline = start + duration.toNanos();
		List<Future<Histogram>> running = new ArrayList<>();
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int s = 0; s < senders; s++) {
				int sender = s;
				running.add(pool.submit(() -> sendUntil(deadline, sender, senders, window, target, failures)));
			}
		}
		long end = System.nanoTime();
		Histogram latency = new Histogram(Deliveries.HIGHEST_MICROS, 3);
		for (Future<Histogram> one : running) {
			latency.add(one.get());
		}
		return new PhaseResult(label, latency.getTotalCount(), end - start, latency, failures.counts(),
				failures.first(), firstId, deliveries.peekId(), window);
	}

	private Histogram sendUntil(long deadline, int sender, int senders, int window, SendTarget target,
			Failures failures) throws InterruptedException {
		Histogram latency = new Histogram(Deliveries.HIGHEST_MICROS, 3);
		for (long round = 0; System.nanoTime() < deadline; round++) {
			BenchChat chat = chats.get((int) ((sender + round * senders) % chats.size()));
			Accounts.User from = !bothMembersSend || ((round + sender) & 1) == 0 ? chat.a() : chat.b();
			int id = deliveries.nextId();
			if (id < 0) {
				break;
			}
			SendChannel.PreparedSend send = channel.prepare(target, deliveries.marker(), sender, chat.id(), from, id);
			long started = System.nanoTime();
			deliveries.sending(id, window, from.id(), started);
			Api.Reply reply = send.exchange();
			long took = System.nanoTime() - started;
			if (reply.status() == 201) {
				deliveries.acknowledged(id, from.id(), (from == chat.a() ? chat.b() : chat.a()).id());
				latency.recordValue(Math.min(took / 1000, Deliveries.HIGHEST_MICROS));
				acknowledgedTotal.incrementAndGet();
			}
			else {
				failures.add(reply);
				if (reply.status() == -1 || reply.status() == 429 || reply.status() >= 500) {
					Thread.sleep(50);
				}
			}
		}
		return latency;
	}

	/**
	 * Sends {@code perChat} messages to each chat from one user, {@code parallel} at a
	 * time (no timing). Set-up, not a figure: always by POST, whatever
	 * {@code --send-over} says.
	 */
	long seed(List<String> chatIds, Accounts.User from, int perChat, int parallel) throws Exception {
		AtomicLong ok = new AtomicLong();
		AtomicReference<String> failure = new AtomicReference<>();
		SendTarget target = new SendTarget.ThroughGateway(api.base());
		try (ExecutorService pool = Executors.newFixedThreadPool(parallel, Thread.ofVirtual().factory())) {
			for (String chatId : chatIds) {
				pool.submit(() -> {
					for (int i = 0; i < perChat; i++) {
						HttpRequest request = target.request(deliveries.marker(), 0, chatId, from,
								Math.max(0, deliveries.nextId()));
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
