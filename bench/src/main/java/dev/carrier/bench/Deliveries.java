package dev.carrier.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Every bench message carries its bench id in its text ({@code b#<run>#<id>#}); each
 * connected WebSocket session ({@link WebSockets}) looks for that marker in
 * {@code message.created} events, so an arrival is matched to its send's start time
 * without parsing the JSON. Per id we keep the send start, how many deliveries were due
 * (the ready sessions of the chat's members when the send was acknowledged) and how many
 * arrived. Ids are handed out here; each measured phase opens a window of its own, whose
 * arrivals go to that window's latency histogram.
 */
final class Deliveries {

	static final int CAPACITY = 1 << 21;

	static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(5);

	private final String marker;

	private final AtomicInteger nextId = new AtomicInteger(1);

	private final AtomicLongArray sentAt = new AtomicLongArray(CAPACITY);

	private final AtomicIntegerArray dueAtSender = new AtomicIntegerArray(CAPACITY);

	private final AtomicIntegerArray dueAtOthers = new AtomicIntegerArray(CAPACITY);

	private final AtomicIntegerArray arrivedAtSender = new AtomicIntegerArray(CAPACITY);

	private final AtomicIntegerArray arrivedAtOthers = new AtomicIntegerArray(CAPACITY);

	/**
	 * The sender of each message (a user index): echoes to its own sessions count apart.
	 */
	private final int[] senderOf = new int[CAPACITY];

	private final short[] windowOf = new short[CAPACITY];

	private final List<Histogram> latency = new CopyOnWriteArrayList<>();

	private final Map<String, Integer> userIndex = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> readySessions = new ConcurrentHashMap<>();

	Deliveries(String run) {
		this.marker = "b#" + run + "#";
		newWindow();
	}

	String marker() {
		return marker;
	}

	/** The next bench message id, or -1 once the arrays are full. */
	int nextId() {
		int id = nextId.getAndIncrement();
		return id < CAPACITY ? id : -1;
	}

	/** The end of the ids handed out so far. */
	int peekId() {
		return Math.min(nextId.get(), CAPACITY);
	}

	/** A new latency window (one per measured phase); its number tags the sends. */
	synchronized int newWindow() {
		latency.add(new ConcurrentHistogram(HIGHEST_MICROS, 3));
		return latency.size() - 1;
	}

	Histogram latency(int window) {
		return latency.get(window);
	}

	/** Numbers the users, so a delivery can tell the sender's own sessions apart. */
	void register(List<Accounts.User> users) {
		for (Accounts.User user : users) {
			userIndex.putIfAbsent(user.id(), userIndex.size());
		}
	}

	int userIndex(String userId) {
		return userIndex.getOrDefault(userId, -1);
	}

	/**
	 * Called just before the HTTP send of bench message {@code id}; {@code nanos} is the
	 * time delivery latency counts from.
	 */
	void sending(int id, int window, String senderId, long nanos) {
		windowOf[id] = (short) window;
		senderOf[id] = userIndex(senderId);
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

	void sessionReady(String userId) {
		readySessions.computeIfAbsent(userId, id -> new AtomicInteger()).incrementAndGet();
	}

	void sessionLost(String userId) {
		AtomicInteger count = readySessions.get(userId);
		if (count != null) {
			count.decrementAndGet();
		}
	}

	private int ready(String userId) {
		AtomicInteger count = readySessions.get(userId);
		return count == null ? 0 : count.get();
	}

	/**
	 * Bench message {@code id} arrived at {@code now} on a session of
	 * {@code sessionUser}.
	 */
	void arrived(int sessionUser, int id, long now) {
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
			latency.get(windowOf[id]).recordValue(micros);
		}
	}

	/**
	 * Expected vs received deliveries of the acknowledged messages with ids in [from,
	 * to).
	 */
	DeliveryTally tally(int from, int to) {
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
		return new DeliveryTally(expected, received, missingAtSender + missingAtOthers, missingAtSender,
				missingAtOthers, duplicates, messagesMissing);
	}

	/** Deliveries of acknowledged messages in [from, to) still in flight. */
	long outstanding(int from, int to) {
		return tally(from, to).missing();
	}

	/** Waits (bounded) until every acknowledged message in [from, to) has arrived. */
	void drain(int from, int to, java.time.Duration limit) throws InterruptedException {
		long deadline = System.nanoTime() + limit.toNanos();
		while (System.nanoTime() < deadline && outstanding(from, to) > 0) {
			Thread.sleep(100);
		}
	}

}
