package dev.carrier.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The bench's direct chats (set-up, not measured); reruns reuse them. */
final class Chats {

	private Chats() {
	}

	/**
	 * {@code count} pairs of distinct users: (2c, 2c+1) while there are users enough, so
	 * every user is in one chat; otherwise neighbours on a ring.
	 */
	static List<Accounts.User[]> distinctPairs(List<Accounts.User> users, int count) {
		int n = users.size();
		List<Accounts.User[]> pairs = new ArrayList<>();
		for (int c = 0; c < count; c++) {
			if (2 * count <= n) {
				pairs.add(new Accounts.User[] { users.get(2 * c), users.get(2 * c + 1) });
			}
			else {
				pairs.add(new Accounts.User[] { users.get(c % n), users.get((c % n + 1 + c / n) % n) });
			}
		}
		return pairs;
	}

	/** The first user with each of the others: one user writing to many. */
	static List<Accounts.User[]> oneToEach(List<Accounts.User> users) {
		return users.subList(1, users.size()).stream().map(u -> new Accounts.User[] { users.getFirst(), u }).toList();
	}

	/**
	 * A direct chat per pair, created by its first user; a 409 hands back the existing
	 * one.
	 */
	static List<SendLoad.BenchChat> create(Api api, List<Accounts.User[]> pairs) throws Exception {
		List<Future<SendLoad.BenchChat>> pending = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(8, Thread.ofVirtual().factory())) {
			for (Accounts.User[] pair : pairs) {
				Accounts.User a = pair[0];
				Accounts.User b = pair[1];
				pending.add(pool.submit(() -> {
					var reply = api.post("/api/chats", a.token(), Map.of("members", List.of(b.username())));
					if (reply.status() != 201 && reply.status() != 409) {
						throw new IllegalStateException("creating a chat failed: " + reply);
					}
					var chat = reply.json().path("chat");
					if (chat.has("id")) {
						return new SendLoad.BenchChat(chat.get("id").asString(), a, b);
					}
					return new SendLoad.BenchChat(existingDirectChat(api, a, b), a, b);
				}));
			}
		}
		List<SendLoad.BenchChat> chats = new ArrayList<>();
		for (Future<SendLoad.BenchChat> chat : pending) {
			chats.add(chat.get());
		}
		return chats;
	}

	/** The direct chat of a and b from a's chat list (when a 409 does not carry it). */
	private static String existingDirectChat(Api api, Accounts.User a, Accounts.User b) {
		var list = api.get("/api/chats", a.token());
		for (var entry : list.json()) {
			var chat = entry.path("chat");
			if ("direct".equals(chat.path("type").asString())) {
				for (var member : chat.path("members")) {
					if (b.id().equals(member.path("id").asString())) {
						return chat.get("id").asString();
					}
				}
			}
		}
		throw new IllegalStateException("no direct chat of " + a.username() + " and " + b.username() + ": " + list);
	}

}
