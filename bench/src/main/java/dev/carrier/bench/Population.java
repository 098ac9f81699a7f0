package dev.carrier.bench;

import java.net.URI;
import java.util.List;

/**
 * The users, chats and listening WebSockets of a workload (set-up, not measured): every
 * user in a chat with another and every user listening ({@code many}), or one user
 * writing to each of the others, who listen ({@code oneToMany}, the seed workload).
 */
record Population(Accounts accounts, List<Accounts.User> users, List<SendLoad.BenchChat> chats, Deliveries deliveries,
		WebSockets sockets, int connected) {

	static Population many(Run run) throws Exception {
		return prepare(run, false);
	}

	static Population oneToMany(Run run) throws Exception {
		return prepare(run, true);
	}

	private static Population prepare(Run run, boolean oneToMany) throws Exception {
		Options options = run.options;
		long t = System.nanoTime();
		Accounts accounts = new Accounts(run.api, options.root());
		List<Accounts.User> users = accounts.ensure(options.users());
		Bench.log("%d users ready in %.1f s (%d logins, %d signups; the rest reused from .carrier/bench/users.json)",
				users.size(), Bench.seconds(t), accounts.logins.get(), accounts.signups.get());
		List<Accounts.User[]> pairs = oneToMany ? Chats.oneToEach(users.subList(0, options.chats() + 1))
				: Chats.distinctPairs(users, options.chats());
		List<SendLoad.BenchChat> chats = Chats.create(run.api, pairs);
		Bench.log("%d chats ready", chats.size());

		Deliveries deliveries = new Deliveries(run.id);
		deliveries.register(users);
		WebSockets sockets = new WebSockets(deliveries);
		List<Accounts.User> listeners = oneToMany ? users.subList(1, options.chats() + 1) : users;
		t = System.nanoTime();
		URI ws = URI.create(options.gateway().toString().replaceFirst("^http", "ws") + "/api/ws");
		// the gateway's bulkhead admits 25 concurrent calls per route: connect below that
		int connected = sockets.connect(ws, listeners, options.sessionsPerUser(), 16);
		Bench.log("%d of %d WebSocket sessions ready in %.1f s%s", connected,
				listeners.size() * options.sessionsPerUser(), Bench.seconds(t), sockets.firstConnectError.get() == null
						? "" : " (first failure: " + sockets.firstConnectError.get() + ")");
		return new Population(accounts, users, chats, deliveries, sockets, connected);
	}

}
