package dev.carrier.chat.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.sun.net.httpserver.HttpExchange;

/**
 * persistence-service's internal API over in-memory history: the test feeds it the messages it
 * sent (as MySQL would hold them), direct chats, and hydrations to run.
 */
public class StubPersistenceService extends StubServer {

	private final Map<String, NavigableMap<Long, Map<String, Object>>> messages = new ConcurrentHashMap<>();

	private final Map<String, String> directChats = new ConcurrentHashMap<>();

	private final Map<String, Consumer<String>> chatHydrations = new ConcurrentHashMap<>();

	public final AtomicInteger userHydrations = new AtomicInteger();

	public final AtomicInteger historyCalls = new AtomicInteger();

	public void store(Map<String, Object> message) {
		this.messages.computeIfAbsent((String) message.get("chatId"), id -> new ConcurrentSkipListMap<>())
			.put(((Number) message.get("seq")).longValue(), message);
	}

	public void directChat(String directKey, String chatId) {
		this.directChats.put(directKey, chatId);
	}

	/** What hydrating this chat does (writing Redis); chats without one are unknown (404). */
	public void onHydrateChat(String chatId, Consumer<String> hydration) {
		this.chatHydrations.put(chatId, hydration);
	}

	@Override
	Response handle(String method, String path, Map<String, String> query, HttpExchange exchange) {
		String[] parts = path.split("/");
		if (path.equals("/internal/direct-chats")) {
			String a = query.get("userA");
			String b = query.get("userB");
			String key = (a.compareTo(b) <= 0) ? a + ":" + b : b + ":" + a;
			String chatId = this.directChats.get(key);
			return (chatId != null) ? json(Map.of("chatId", chatId)) : notFound();
		}
		if (path.startsWith("/internal/chats/") && path.endsWith("/messages")) {
			this.historyCalls.incrementAndGet();
			NavigableMap<Long, Map<String, Object>> chat = this.messages.getOrDefault(parts[3], new ConcurrentSkipListMap<>());
			int limit = Integer.parseInt(query.getOrDefault("limit", "50"));
			List<Map<String, Object>> page = new ArrayList<>();
			if (query.containsKey("beforeSeq")) {
				chat.headMap(Long.parseLong(query.get("beforeSeq")), false).descendingMap().values().stream()
					.limit(limit).forEach(page::add);
				java.util.Collections.reverse(page);
			}
			else {
				chat.tailMap(Long.parseLong(query.getOrDefault("afterSeq", "0")), false).values().stream().limit(limit)
					.forEach(page::add);
			}
			return json(page);
		}
		if (path.startsWith("/internal/hydrations/chats/") && method.equals("POST")) {
			Consumer<String> hydration = this.chatHydrations.get(parts[4]);
			if (hydration == null) {
				return notFound();
			}
			hydration.accept(parts[4]);
			return json(Map.of("chats", 1, "messages", 0, "millis", 1));
		}
		if (path.startsWith("/internal/hydrations/users/") && method.equals("POST")) {
			this.userHydrations.incrementAndGet();
			return json(Map.of("chats", 0, "messages", 0, "millis", 1));
		}
		return notFound();
	}

}
