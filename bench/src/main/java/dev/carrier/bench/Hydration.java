package dev.carrier.bench;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * A user with many chats comes back after the cache forgot them: the chats are seeded,
 * allowed to reach MySQL, evicted from Redis the way persistence-service evicts them
 * (every key ending in the chat id; {@code user-chats} and {@code direct} stay), then the
 * user logs in and lists the chats.
 */
final class Hydration {

	/**
	 * What the chat keys of architecture.md are called; the bench deletes only its own
	 * chats' keys.
	 */
	private static final List<String> CHAT_KEY_KINDS = List.of("chat", "members", "messages", "client-ids", "read",
			"lease");

	record Result(int chats, int messagesPerChat, long seeded, long rowsInMySql, long seedMillis, long persistMillis,
			long keysDeleted, long loginMillis, long listMillis, int listed, int listedWithLastMessage,
			int lastSeqMatches, String note, Map<String, String> serviceTimers) {
	}

	private final Options options;

	private final Api api;

	private final Accounts accounts;

	private final SendLoad load;

	Hydration(Options options, Api api, Accounts accounts, SendLoad load) {
		this.options = options;
		this.api = api;
		this.accounts = accounts;
		this.load = load;
	}

	Result run() throws Exception {
		int chatCount = options.hydrationChats();
		int perChat = options.hydrationMessages();
		Accounts.User owner = accounts.signUp("hydra");
		Accounts.User first = accounts.signUpOnly("hydra_peer");
		Accounts.User second = accounts.signUpOnly("hydra_peer");
		List<String> chatIds = new ArrayList<>();
		for (int i = 0; i < chatCount; i++) {
			var reply = api.post("/api/chats", owner.token(),
					Map.of("members", List.of(first.username(), second.username()), "name", "hydration " + i));
			if (reply.status() != 201) {
				throw new IllegalStateException("creating hydration chat " + i + " failed: " + reply);
			}
			chatIds.add(reply.json().get("chat").get("id").asString());
		}
		long seedStart = System.nanoTime();
		long seeded = load.seed(chatIds, owner, perChat, 16);
		long seedMillis = (System.nanoTime() - seedStart) / 1_000_000;

		long persistStart = System.nanoTime();
		long rows = 0;
		long chatRows = 0;
		long deadline = persistStart + Duration.ofSeconds(options.quick() ? 30 : 120).toNanos();
		try (Connection mysql = FlushMonitor.mysql(options)) {
			while (System.nanoTime() < deadline) {
				rows = FlushMonitor.count(mysql, "messages", "chat_id", chatIds);
				chatRows = FlushMonitor.count(mysql, "chats", "id", chatIds);
				if (rows >= seeded && chatRows >= chatCount) {
					break;
				}
				Thread.sleep(250);
			}
		}
		long persistMillis = (System.nanoTime() - persistStart) / 1_000_000;
		if (rows < seeded || chatRows < chatCount) {
			return new Result(chatCount, perChat, seeded, rows, seedMillis, persistMillis, 0, -1, -1, 0, 0, 0,
					"MySQL held only " + rows + " of " + seeded + " messages and " + chatRows + " of " + chatCount
							+ " chats: not evicting (that would lose them)",
					Map.of());
		}

		long deleted = evict(options, chatIds);

		Map<String, double[]> timersBefore = hydrationTimers();
		long loginStart = System.nanoTime();
		Accounts.User again = accounts.logIn(owner);
		long loginMillis = (System.nanoTime() - loginStart) / 1_000_000;
		long listStart = System.nanoTime();
		var list = api.get("/api/chats", again.token());
		long listMillis = (System.nanoTime() - listStart) / 1_000_000;
		int listed = 0;
		int withLast = 0;
		int seqMatches = 0;
		String note = null;
		if (list.status() == 200) {
			for (JsonNode entry : list.json()) {
				listed++;
				JsonNode last = entry.path("lastMessage");
				if (last.isObject()) {
					withLast++;
					if (last.path("seq").asLong() == perChat) {
						seqMatches++;
					}
				}
			}
		}
		else {
			note = "GET /api/chats answered " + list;
		}
		return new Result(chatCount, perChat, seeded, rows, seedMillis, persistMillis, deleted, loginMillis, listMillis,
				listed, withLast, seqMatches, note, timerDeltas(timersBefore, hydrationTimers()));
	}

	/**
	 * Drops the chats from Redis as an eviction does (every key ending in the chat id;
	 * {@code user-chats} and {@code direct} stay): the next request reloads them from
	 * MySQL. Only for chats whose messages MySQL holds.
	 * @return the keys deleted
	 */
	static long evict(Options options, List<String> chatIds) throws java.io.IOException {
		long deleted = 0;
		for (String chatId : chatIds) {
			String[] command = new String[CHAT_KEY_KINDS.size() + 1];
			command[0] = "DEL";
			for (int k = 0; k < CHAT_KEY_KINDS.size(); k++) {
				command[k + 1] = "carrier:chat:" + CHAT_KEY_KINDS.get(k) + ":" + chatId;
			}
			deleted += Long.parseLong(Resp.command(options.redisHost(), options.redisPort(), command));
		}
		return deleted;
	}

	/**
	 * persistence-service's own snapshot timers (what a reload asks it for):
	 * {@code <name>_seconds_count} and {@code _sum} of every series whose name mentions
	 * snapshots (not the generic HTTP server timers), by series.
	 */
	private Map<String, double[]> hydrationTimers() {
		Map<String, double[]> timers = new LinkedHashMap<>();
		String text = FlushMonitor.prometheus(api.http(), options.persistence());
		for (String line : text.lines().toList()) {
			if (line.startsWith("#") || line.startsWith("http_") || !line.toLowerCase().contains("snapshots")) {
				continue;
			}
			int space = line.lastIndexOf(' ');
			String series = line.substring(0, space);
			double value;
			try {
				value = Double.parseDouble(line.substring(space + 1));
			}
			catch (NumberFormatException ex) {
				continue;
			}
			int brace = series.indexOf('{');
			String name = brace < 0 ? series : series.substring(0, brace);
			String labels = brace < 0 ? "" : series.substring(brace);
			if (name.endsWith("_seconds_count")) {
				timers.computeIfAbsent(name.substring(0, name.length() - 6) + labels, k -> new double[2])[0] = value;
			}
			else if (name.endsWith("_seconds_sum")) {
				timers.computeIfAbsent(name.substring(0, name.length() - 4) + labels, k -> new double[2])[1] = value;
			}
		}
		return timers;
	}

	/** What the timers recorded between the two snapshots: calls and their mean. */
	private static Map<String, String> timerDeltas(Map<String, double[]> before, Map<String, double[]> after) {
		Map<String, String> deltas = new LinkedHashMap<>();
		after.forEach((series, now) -> {
			double[] then = before.getOrDefault(series, new double[2]);
			double calls = now[0] - then[0];
			if (calls > 0) {
				deltas.put(series, String.format("%.0f call(s) during this login, mean %.1f ms", calls,
						1000 * (now[1] - then[1]) / calls));
			}
		});
		if (deltas.isEmpty() && !after.isEmpty()) {
			after.forEach((series, now) -> deltas.put(series,
					String.format("no call during this login (%.0f in all)", now[0])));
		}
		return deltas;
	}

}
