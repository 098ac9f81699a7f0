package dev.carrier.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Open loop: send i is due at {@code start + i / rate}, whatever happened to the sends
 * before it. One scheduler thread issues each send at its time onto a virtual thread of
 * its own, and every latency counts from the <em>intended</em> start, so a slow server
 * cannot hide its queue by slowing the load down (no coordinated omission). A send that
 * could not start on time (the scheduler or the machine fell behind, or the in-flight cap
 * was reached) is still timed from its schedule, and counted as late. Sends go through
 * the gateway, over the socket or by POST as the {@link SendChannel} says; either way the
 * send is prepared before its start lag is read and timed from its intended start.
 */
final class OpenLoad {

	/** Later than this after its intended start, a send counts as late. */
	static final long LATE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

	/**
	 * A send still waiting for an in-flight slot this long after the schedule's end is
	 * given up (counted as a failure, {@link Failures#NOT_STARTED}), so a saturated rate
	 * ends in bounded time instead of draining its whole backlog.
	 */
	static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(10);

	/** One rate, one repeat. nanos: from the first intended start to the last answer. */
	record RateResult(int rate, long scheduled, long acknowledged, long nanos, Histogram latency, Histogram startLag,
			long lateStarts, Map<Integer, Long> failures, String firstFailure, int firstId, int endId, int window) {

		double perSecond() {
			return nanos == 0 ? 0 : acknowledged * 1e9 / nanos;
		}

	}

	private final SendChannel channel;

	private final Deliveries deliveries;

	private final List<SendLoad.BenchChat> chats;

	private final SendTarget target;

	private final int maxInFlight;

	OpenLoad(Api api, SendChannel channel, Deliveries deliveries, List<SendLoad.BenchChat> chats, int maxInFlight) {
		this.channel = channel;
		this.deliveries = deliveries;
		this.chats = chats;
		this.target = new SendTarget.ThroughGateway(api.base());
		this.maxInFlight = maxInFlight;
	}

	RateResult run(int rate, Duration duration) {
		long sends = rate * duration.toSeconds();
		Histogram latency = new ConcurrentHistogram(Deliveries.HIGHEST_MICROS, 3);
		Histogram startLag = new ConcurrentHistogram(Deliveries.HIGHEST_MICROS, 3);
		Failures failures = new Failures();
		AtomicLong late = new AtomicLong();
		AtomicLong lastAnswer = new AtomicLong();
		Semaphore inFlight = new Semaphore(maxInFlight);
		int window = deliveries.newWindow();
		int firstId = deliveries.peekId();
		long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(5);
		long giveUp = start + duration.toNanos() + GIVE_UP_NANOS;
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			for (long i = 0; i < sends; i++) {
				long intended = start + i * 1_000_000_000L / rate;
				for (long wait = intended - System.nanoTime(); wait > 0; wait = intended - System.nanoTime()) {
					LockSupport.parkNanos(wait);
				}
				long n = i;
				pool.execute(() -> {
					if (!slot(inFlight, giveUp)) {
						failures.notStarted();
						return;
					}
					try {
						send(n, intended, window, latency, startLag, late, failures);
					}
					finally {
						inFlight.release();
						lastAnswer.accumulateAndGet(System.nanoTime(), Math::max);
					}
				});
			}
		}
		return new RateResult(rate, sends, latency.getTotalCount(), Math.max(0, lastAnswer.get() - start), latency,
				startLag, late.get(), failures.counts(), failures.first(), firstId, deliveries.peekId(), window);
	}

	private static boolean slot(Semaphore inFlight, long giveUp) {
		try {
			return inFlight.tryAcquire(Math.max(0, giveUp - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private void send(long n, long intended, int window, Histogram latency, Histogram startLag, AtomicLong late,
			Failures failures) {
		int id = deliveries.nextId();
		if (id < 0) {
			return;
		}
		// chat n mod M; its members take turns, one round of the chats each
		SendLoad.BenchChat chat = chats.get((int) (n % chats.size()));
		boolean firstMember = (n / chats.size()) % 2 == 0;
		Accounts.User from = firstMember ? chat.a() : chat.b();
		Accounts.User to = firstMember ? chat.b() : chat.a();
		SendChannel.PreparedSend send = channel.prepare(target, deliveries.marker(), (int) n, chat.id(), from, id);
		long lag = System.nanoTime() - intended;
		startLag.recordValue(Math.min(Math.max(0, lag / 1000), Deliveries.HIGHEST_MICROS));
		if (lag > LATE_NANOS) {
			late.incrementAndGet();
		}
		deliveries.sending(id, window, from.id(), intended);
		Api.Reply reply = send.exchange();
		long took = System.nanoTime() - intended;
		if (reply.status() == 201) {
			deliveries.acknowledged(id, from.id(), to.id());
			latency.recordValue(Math.min(took / 1000, Deliveries.HIGHEST_MICROS));
		}
		else {
			failures.add(reply);
		}
	}

}
