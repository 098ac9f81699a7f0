package dev.carrier.chat.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import com.sun.net.httpserver.HttpExchange;

/**
 * persistence-service's internal API over in-memory state the test sets up: the durable
 * chats (from which memberships, a user's chat ids and snapshots are answered, each
 * snapshot with a new, higher generation per chat), the history the test feeds it, and
 * direct chats. The snapshot endpoint can be made to answer 503 ("consumers behind, retry
 * later"), or to run a hook while it answers (to make a reload race with something). It
 * counts the calls per endpoint and per chat and keeps every request line, so a test can
 * prove what chat-service did not ask.
 */
public class StubPersistenceService extends StubServer {

	/**
	 * One chat as MySQL holds it, in the shape of a snapshot without its generation.
	 *
	 * @param createdAt ISO-8601
	 * @param recentMessages {@code {id, chatId, seq, senderId, text, sentAt, deleted}},
	 * oldest first
	 * @param clientIds {@code <senderId>:<clientMessageId>} to message id
	 * @param lastActivityAt epoch millis
	 */
	public record DurableChat(String id, String type, String name, String directKey, String createdAt, long lastSeq,
			List<String> memberIds, List<Map<String, Object>> recentMessages, Map<String, String> clientIds,
			Map<String, Long> readPositions, long lastActivityAt, Map<String, Long> hiddenSeqs) {

		public DurableChat {
			memberIds = memberIds.stream().sorted().toList();
			recentMessages = List.copyOf(recentMessages);
			clientIds = Map.copyOf(clientIds);
			readPositions = Map.copyOf(readPositions);
			hiddenSeqs = (hiddenSeqs != null) ? Map.copyOf(hiddenSeqs) : Map.of();
		}

		public DurableChat(String id, String type, String name, String directKey, String createdAt, long lastSeq,
				List<String> memberIds, List<Map<String, Object>> recentMessages, Map<String, String> clientIds,
				Map<String, Long> readPositions, long lastActivityAt) {
			this(id, type, name, directKey, createdAt, lastSeq, memberIds, recentMessages, clientIds, readPositions,
					lastActivityAt, Map.of());
		}

		public DurableChat withLastSeq(long seq, List<Map<String, Object>> messages) {
			return new DurableChat(this.id, this.type, this.name, this.directKey, this.createdAt, seq, this.memberIds,
					messages, this.clientIds, this.readPositions, this.lastActivityAt, this.hiddenSeqs);
		}

	}

	private final Map<String, NavigableMap<Long, Map<String, Object>>> messages = new ConcurrentHashMap<>();

	private final Map<String, String> directChats = new ConcurrentHashMap<>();

	private final Map<String, DurableChat> chats = new ConcurrentHashMap<>();

	private final Map<String, AtomicLong> generations = new ConcurrentHashMap<>();

	private final Map<String, Consumer<String>> snapshotHooks = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> memberChecks = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> chatIdCalls = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> snapshotRequests = new ConcurrentHashMap<>();

	private final List<String> requests = new CopyOnWriteArrayList<>();

	private final StubAttachments attachments = new StubAttachments();

	private volatile boolean snapshotsUnavailable;

	public final AtomicInteger historyCalls = new AtomicInteger();

	public final AtomicInteger snapshotCalls = new AtomicInteger();

	public void store(Map<String, Object> message) {
		this.messages.computeIfAbsent((String) message.get("chatId"), id -> new ConcurrentSkipListMap<>())
			.put(((Number) message.get("seq")).longValue(), message);
	}

	public void directChat(String directKey, String chatId) {
		this.directChats.put(directKey, chatId);
	}

	/**
	 * Makes the chat durable: its members are members, its snapshot is what a reload
	 * installs.
	 */
	public void putChat(DurableChat chat) {
		this.chats.put(chat.id(), chat);
	}

	/**
	 * Runs while a snapshot of this chat is being answered, before the answer leaves;
	 * null removes it.
	 */
	public void onSnapshot(String chatId, Consumer<String> hook) {
		if (hook == null) {
			this.snapshotHooks.remove(chatId);
		}
		else {
			this.snapshotHooks.put(chatId, hook);
		}
	}

	/**
	 * {@code POST /internal/snapshots} answers 503 (persistence-service's consumers are
	 * behind).
	 */
	public void setSnapshotsUnavailable(boolean unavailable) {
		this.snapshotsUnavailable = unavailable;
	}

	/** The highest generation handed out for the chat (0 before its first snapshot). */
	public long generation(String chatId) {
		AtomicLong generation = this.generations.get(chatId);
		return (generation != null) ? generation.get() : 0;
	}

	public int memberChecks(String chatId) {
		return count(this.memberChecks, chatId);
	}

	public int chatIdCalls(String userId) {
		return count(this.chatIdCalls, userId);
	}

	/** How many snapshot requests asked for this chat. */
	public int snapshotRequests(String chatId) {
		return count(this.snapshotRequests, chatId);
	}

	/** Every request line ({@code METHOD path body}) that contains {@code text}. */
	public List<String> requestsMentioning(String text) {
		return this.requests.stream().filter(request -> request.contains(text)).toList();
	}

	@Override
	Response handle(String method, String path, Map<String, String> query, HttpExchange exchange) {
		String body = readBody(exchange);
		this.requests.add(method + " " + exchange.getRequestURI() + " " + body);
		String[] parts = path.split("/");
		if (path.startsWith("/internal/attachments/")) {
			return this.attachments.handle(method, path, query, body);
		}
		if (path.equals("/internal/direct-chats")) {
			String a = query.get("userA");
			String b = query.get("userB");
			String key = (a.compareTo(b) <= 0) ? a + ":" + b : b + ":" + a;
			String chatId = this.directChats.get(key);
			return (chatId != null) ? json(Map.of("chatId", chatId)) : notFound();
		}
		if (method.equals("GET") && parts.length == 6 && path.startsWith("/internal/chats/")
				&& parts[4].equals("members")) {
			increment(this.memberChecks, parts[3]);
			DurableChat chat = this.chats.get(parts[3]);
			return (chat != null && chat.memberIds().contains(parts[5])) ? new Response(204, "") : notFound();
		}
		if (method.equals("GET") && parts.length == 5 && path.startsWith("/internal/users/")
				&& parts[4].equals("chat-ids")) {
			increment(this.chatIdCalls, parts[3]);
			return json(this.chats.values()
				.stream()
				.filter(chat -> chat.memberIds().contains(parts[3]))
				.map(DurableChat::id)
				.toList());
		}
		if (method.equals("POST") && path.equals("/internal/snapshots")) {
			return snapshots(body);
		}
		if (path.startsWith("/internal/chats/") && path.endsWith("/messages")) {
			this.historyCalls.incrementAndGet();
			NavigableMap<Long, Map<String, Object>> chat = this.messages.getOrDefault(parts[3],
					new ConcurrentSkipListMap<>());
			int limit = Integer.parseInt(query.getOrDefault("limit", "50"));
			List<Map<String, Object>> page = new ArrayList<>();
			if (query.containsKey("beforeSeq")) {
				chat.headMap(Long.parseLong(query.get("beforeSeq")), false)
					.descendingMap()
					.values()
					.stream()
					.limit(limit)
					.forEach(page::add);
				Collections.reverse(page);
			}
			else {
				chat.tailMap(Long.parseLong(query.getOrDefault("afterSeq", "0")), false)
					.values()
					.stream()
					.limit(limit)
					.forEach(page::add);
			}
			return json(page);
		}
		return notFound();
	}

	private Response snapshots(String body) {
		this.snapshotCalls.incrementAndGet();
		List<String> ids = new ArrayList<>();
		JSON.readTree(body).path("chatIds").forEach(id -> ids.add(id.asString()));
		ids.forEach(id -> increment(this.snapshotRequests, id));
		if (this.snapshotsUnavailable) {
			return new Response(503, "{\"status\":503,\"title\":\"Service Unavailable\"}");
		}
		List<Map<String, Object>> answered = new ArrayList<>();
		for (String id : ids) {
			DurableChat chat = this.chats.get(id);
			if (chat == null) {
				continue;
			}
			Consumer<String> hook = this.snapshotHooks.get(id);
			if (hook != null) {
				hook.accept(id);
			}
			answered
				.add(snapshot(chat, this.generations.computeIfAbsent(id, key -> new AtomicLong()).incrementAndGet()));
		}
		return json(Map.of("chats", answered));
	}

	private static Map<String, Object> snapshot(DurableChat chat, long generation) {
		Map<String, Object> snapshot = new LinkedHashMap<>();
		snapshot.put("id", chat.id());
		snapshot.put("type", chat.type());
		snapshot.put("name", chat.name());
		snapshot.put("directKey", chat.directKey());
		snapshot.put("createdAt", chat.createdAt());
		snapshot.put("lastSeq", chat.lastSeq());
		snapshot.put("generation", generation);
		snapshot.put("memberIds", chat.memberIds());
		snapshot.put("recentMessages", chat.recentMessages());
		snapshot.put("clientIds", chat.clientIds());
		snapshot.put("readPositions", chat.readPositions());
		snapshot.put("lastActivityAt", chat.lastActivityAt());
		snapshot.put("hiddenSeqs", chat.hiddenSeqs());
		return snapshot;
	}

	private static String readBody(HttpExchange exchange) {
		try {
			return new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static void increment(Map<String, AtomicInteger> counters, String key) {
		counters.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
	}

	private static int count(Map<String, AtomicInteger> counters, String key) {
		AtomicInteger counter = counters.get(key);
		return (counter != null) ? counter.get() : 0;
	}

}
