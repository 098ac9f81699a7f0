package dev.carrier.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.core.type.TypeReference;

/**
 * The bench's users. Signing up and logging in each cost one PBKDF2 hash (~130 ms of a
 * core at 600k iterations), so users and their tokens are kept in
 * {@code .carrier/bench/users.json} and reused while the stack still knows them: a run
 * logs each user in at most once.
 */
final class Accounts {

	static final String PASSWORD = "bench password 1";

	/** A bench user; token is its live session. */
	record User(String id, String username, String email, String token) {
	}

	private final Api api;

	private final Path cache;

	final AtomicInteger signups = new AtomicInteger();

	final AtomicInteger logins = new AtomicInteger();

	Accounts(Api api, Path root) {
		this.api = api;
		this.cache = root.resolve(".carrier/bench/users.json");
	}

	/**
	 * {@code count} logged-in users: cached ones whose token still works, then logins,
	 * then signups.
	 */
	List<User> ensure(int count) throws Exception {
		List<User> cached = load();
		List<User> users = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
			List<Future<User>> checks = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				User known = i < cached.size() ? cached.get(i) : null;
				checks.add(pool.submit(() -> known == null ? signUp("bench") : revive(known)));
			}
			for (Future<User> check : checks) {
				users.add(check.get());
			}
		}
		save(users, cached);
		return users;
	}

	/** A brand-new user, logged in. */
	User signUp(String prefix) {
		return logIn(signUpOnly(prefix));
	}

	/** A brand-new user that never logs in (a chat partner); token is null. */
	User signUpOnly(String prefix) {
		for (int attempt = 0;; attempt++) {
			String username = prefix + "_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
			String email = username + "@bench.carrier.test";
			var reply = retrying(() -> api.post("/api/auth/signup", null,
					Map.of("username", username, "email", email, "password", PASSWORD)));
			signups.incrementAndGet();
			if (reply.status() == 201) {
				return new User(reply.json().get("user").get("id").asString(), username, email, null);
			}
			if (reply.status() != 409 || attempt > 3) {
				throw new IllegalStateException("signup of " + username + " failed: " + reply);
			}
		}
	}

	User logIn(User user) {
		var reply = retrying(
				() -> api.post("/api/auth/login", null, Map.of("login", user.username(), "password", PASSWORD)));
		logins.incrementAndGet();
		if (reply.status() != 200) {
			throw new IllegalStateException("login of " + user.username() + " failed: " + reply);
		}
		var body = reply.json();
		return new User(body.get("user").get("id").asString(), user.username(), user.email(),
				body.get("token").asString());
	}

	private User revive(User known) {
		if (known.token() != null && api.get("/api/users/me", known.token()).status() == 200) {
			return known;
		}
		var login = retrying(
				() -> api.post("/api/auth/login", null, Map.of("login", known.username(), "password", PASSWORD)));
		logins.incrementAndGet();
		if (login.status() == 200) {
			return new User(login.json().get("user").get("id").asString(), known.username(), known.email(),
					login.json().get("token").asString());
		}
		// the stack forgot this user (a fresh database): make a new one
		return signUp("bench");
	}

	/**
	 * Retries 429 and transport failures with a growing pause (the login pool may be
	 * saturated).
	 */
	private Api.Reply retrying(java.util.function.Supplier<Api.Reply> call) {
		Api.Reply reply = null;
		for (int attempt = 0; attempt < 8; attempt++) {
			reply = call.get();
			if (reply.status() != 429 && reply.status() != -1 && reply.status() != 503) {
				return reply;
			}
			try {
				Thread.sleep(250L << Math.min(attempt, 4));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		return reply;
	}

	private List<User> load() {
		try {
			return Files.exists(cache) ? Api.JSON.readValue(cache.toFile(), new TypeReference<List<User>>() {
			}) : List.of();
		}
		catch (RuntimeException ex) {
			return List.of();
		}
	}

	private void save(List<User> users, List<User> cached) throws IOException {
		List<User> all = new ArrayList<>(users);
		if (cached.size() > users.size()) {
			all.addAll(cached.subList(users.size(), cached.size()));
		}
		Files.createDirectories(cache.getParent());
		Api.JSON.writeValue(cache.toFile(), all);
	}

}
