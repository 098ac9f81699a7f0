package dev.carrier.chat.support;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;

/**
 * auth-service's internal API (docs/architecture.md) over in-memory users and sessions.
 */
public class StubAuthService extends StubServer {

	private final Map<String, User> users = new ConcurrentHashMap<>();

	private final Map<String, String> sessions = new ConcurrentHashMap<>();

	private final Set<String> online = ConcurrentHashMap.newKeySet();

	private final Set<String> lookups = ConcurrentHashMap.newKeySet();

	private final Set<String> presenceHidden = ConcurrentHashMap.newKeySet();

	/**
	 * A lookup for a name starting with this is refused with a 400, as auth-service does
	 * for bad input.
	 */
	public static final String REFUSED_LOOKUP_PREFIX = "refused-";

	/** Whether anyone asked to look up exactly this username or email. */
	public boolean wasLookedUp(String query) {
		return this.lookups.contains(query);
	}

	public record User(String id, String username, String email, String avatarUrl, String token) {
	}

	/** A new user with a unique name and a live session token. */
	public User newUser(String prefix) {
		return newUser(prefix, "@example.test");
	}

	/**
	 * A new user whose email is their unique username followed by {@code emailSuffix}.
	 */
	public User newUser(String prefix, String emailSuffix) {
		String id = UUID.randomUUID().toString();
		String username = prefix + "_" + id.substring(0, 8);
		User user = new User(id, username, username + emailSuffix, null, UUID.randomUUID().toString());
		this.users.put(id, user);
		this.sessions.put(user.token(), id);
		return user;
	}

	/**
	 * Ends the session of this token, as a logout, a password change or an expiry would.
	 */
	public void endSession(String token) {
		this.sessions.remove(token);
	}

	public void rename(String userId, String username) {
		this.users.computeIfPresent(userId,
				(id, user) -> new User(id, username, user.email(), "/api/users/" + id + "/avatar?v=2", user.token()));
	}

	/** The user chose to hide their presence (auth-service keeps the setting). */
	public void hidePresence(String userId) {
		this.presenceHidden.add(userId);
	}

	public void setOnline(String userId, boolean isOnline) {
		if (isOnline) {
			this.online.add(userId);
		}
		else {
			this.online.remove(userId);
		}
	}

	@Override
	Response handle(String method, String path, Map<String, String> query, HttpExchange exchange) {
		if (path.equals("/internal/sessions/current")) {
			String header = Objects.requireNonNullElse(exchange.getRequestHeaders().getFirst("Authorization"), "");
			String userId = header.startsWith("Bearer ") ? this.sessions.get(header.substring(7)) : null;
			if (userId == null) {
				return new Response(401, "{\"status\":401}");
			}
			return json(Map.of("userId", userId, "username", this.users.get(userId).username(), "expiresAt",
					Instant.now().plusSeconds(3600).toString()));
		}
		if (path.equals("/internal/sessions/alive") && method.equals("POST")) {
			try {
				var tokens = JSON.readTree(exchange.getRequestBody().readAllBytes()).path("tokens");
				return json(Map.of("alive",
						tokens.valueStream().map(t -> t.asString()).filter(this.sessions::containsKey).toList()));
			}
			catch (java.io.IOException ex) {
				return new Response(400, "{\"status\":400}");
			}
		}
		if (path.equals("/internal/users/lookup")) {
			this.lookups.add(query.getOrDefault("q", ""));
			String q = query.getOrDefault("q", "").toLowerCase(Locale.ROOT);
			if (q.startsWith(REFUSED_LOOKUP_PREFIX)) {
				return new Response(400, "{\"status\":400,\"title\":\"Bad Request\"}");
			}
			return this.users.values()
				.stream()
				.filter(u -> u.username().toLowerCase(Locale.ROOT).equals(q)
						|| u.email().toLowerCase(Locale.ROOT).equals(q))
				.findFirst()
				.map(u -> json(summary(u)))
				.orElseGet(StubServer::notFound);
		}
		if (path.equals("/internal/users")) {
			return json(ids(query).stream().map(this.users::get).filter(Objects::nonNull).map(user -> {
				Map<String, Object> summary = summary(user);
				summary.put("presenceVisible", !this.presenceHidden.contains(user.id()));
				return summary;
			}).toList());
		}
		if (path.equals("/internal/users/online")) {
			return json(ids(query).stream().filter(this.online::contains).toList());
		}
		return notFound();
	}

	private static List<String> ids(Map<String, String> query) {
		return Arrays.stream(query.getOrDefault("ids", "").split(",")).filter(s -> !s.isEmpty()).toList();
	}

	private static Map<String, Object> summary(User user) {
		Map<String, Object> summary = new java.util.LinkedHashMap<>();
		summary.put("id", user.id());
		summary.put("username", user.username());
		summary.put("avatarUrl", user.avatarUrl());
		return summary;
	}

}
