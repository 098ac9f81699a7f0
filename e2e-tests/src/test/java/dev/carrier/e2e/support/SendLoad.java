package dev.carrier.e2e.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.awaitility.Awaitility;

/**
 * Closed-loop senders as a patient client behaves: each message is retried with its own
 * clientMessageId until it gets a 201 (after a 401 the sender logs in again), and each
 * acknowledgement is recorded with its seq, in the order the sender received it.
 */
public final class SendLoad implements AutoCloseable {

	/** One 201: what the sender was told is forever. */
	public record Ack(String chatId, String messageId, long seq, String senderId, String clientMessageId) {
	}

	/** A sender and the chats it sends to, round robin. */
	public record Sender(TestUser user, List<String> chatIds) {
	}

	private static final Duration GIVE_UP = Duration.ofMinutes(3);

	private final ExecutorService threads;

	private final List<Future<?>> running = new ArrayList<>();

	private final ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();

	private final Map<Integer, AtomicInteger> failures = new ConcurrentHashMap<>();

	private final Map<String, List<Ack>> bySender = new ConcurrentHashMap<>();

	private SendLoad(int senders) {
		this.threads = Executors.newFixedThreadPool(senders);
	}

	/** Starts every sender; each sends {@code messagesEach} messages, one at a time. */
	public static SendLoad start(List<Sender> senders, int messagesEach, String label) {
		SendLoad load = new SendLoad(senders.size());
		for (Sender sender : senders) {
			List<Ack> own = java.util.Collections.synchronizedList(new ArrayList<>());
			load.bySender.put(sender.user().id(), own);
			load.running.add(load.threads.submit(() -> {
				AtomicReference<String> token = new AtomicReference<>(sender.user().token());
				for (int n = 0; n < messagesEach; n++) {
					String chatId = sender.chatIds().get(n % sender.chatIds().size());
					Ack ack = sendUntilAcknowledged(load, sender.user(), token, chatId, label + " " + n);
					own.add(ack);
					load.acks.add(ack);
				}
				return null;
			}));
		}
		return load;
	}

	private static Ack sendUntilAcknowledged(SendLoad load, TestUser user, AtomicReference<String> token, String chatId,
			String text) throws InterruptedException {
		String clientMessageId = UUID.randomUUID().toString();
		long deadline = System.nanoTime() + GIVE_UP.toNanos();
		while (System.nanoTime() < deadline) {
			CarrierApi.Reply reply;
			try {
				reply = CarrierApi.post("/api/chats/" + chatId + "/messages", token.get(),
						Map.of("text", text, "clientMessageId", clientMessageId));
			}
			catch (IllegalStateException unreachable) {
				load.failures.computeIfAbsent(0, status -> new AtomicInteger()).incrementAndGet();
				Thread.sleep(200);
				continue;
			}
			if (reply.status() == 201) {
				var message = reply.json().get("message");
				return new Ack(chatId, message.get("id").asString(), message.get("seq").asLong(), user.id(),
						clientMessageId);
			}
			load.failures.computeIfAbsent(reply.status(), status -> new AtomicInteger()).incrementAndGet();
			if (reply.status() == 401) {
				try {
					token.set(user.loggedInAgain().token());
				}
				catch (AssertionError loginRefused) {
					// the session store may be restarting: try again shortly
					Thread.sleep(200);
				}
			}
			else if (reply.status() >= 500) {
				Thread.sleep(50);
			}
			else {
				throw new AssertionError("send refused for good: " + reply);
			}
		}
		throw new AssertionError("a message to " + chatId + " was never acknowledged within " + GIVE_UP);
	}

	public int acknowledged() {
		return this.acks.size();
	}

	public void awaitAcknowledged(int count) {
		Awaitility.await("%d acknowledgements".formatted(count))
			.atMost(GIVE_UP)
			.pollInterval(Duration.ofMillis(20))
			.until(() -> acknowledged() >= count || this.running.stream().allMatch(Future::isDone));
	}

	/** Waits for every sender; rethrows what failed one. */
	public List<Ack> finish() throws Exception {
		for (Future<?> sender : this.running) {
			sender.get(GIVE_UP.toSeconds() + 60, TimeUnit.SECONDS);
		}
		return List.copyOf(this.acks);
	}

	/** Failed attempts by status (0: no answer at all); each was retried. */
	public Map<Integer, Integer> failures() {
		Map<Integer, Integer> copy = new java.util.TreeMap<>();
		this.failures.forEach((status, count) -> copy.put(status, count.get()));
		return copy;
	}

	/** Each sender's acknowledgements in the order it received them. */
	public Map<String, List<Ack>> bySender() {
		return this.bySender;
	}

	@Override
	public void close() {
		this.threads.shutdownNow();
	}

}
