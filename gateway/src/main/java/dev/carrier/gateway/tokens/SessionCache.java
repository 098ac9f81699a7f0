package dev.carrier.gateway.tokens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * A small, short-lived memory of valid tokens, so a burst of calls with one token costs one
 * round trip to auth-service. Only positive answers are kept, and only for {@code cacheTtl} (1 s),
 * so a logout made anywhere takes effect within that time; a logout or password change passing
 * through this gateway evicts at once. Concurrent checks of one token share one request.
 * Tokens are keyed by their SHA-256 so that raw tokens do not linger on the heap.
 */
@Component
class SessionCache {

	private final AsyncCache<String, Session> sessions;

	private final AuthSessionClient client;

	SessionCache(AuthSessionClient client, TokenProperties properties) {
		this.client = client;
		this.sessions = Caffeine.newBuilder()
			.expireAfterWrite(properties.cacheTtl())
			.maximumSize(properties.cacheSize())
			.buildAsync();
	}

	/** The token's session, empty for an unknown token; a failed check is not remembered. */
	Mono<Session> sessionOf(String token) {
		String key = keyOf(token);
		// suppressCancel: a client that goes away must not cancel a check other requests share.
		return Mono.fromFuture(() -> this.sessions.get(key, (k, executor) -> this.client.currentSession(token).toFuture()),
				true);
	}

	void evictToken(String token) {
		this.sessions.synchronous().invalidate(keyOf(token));
	}

	/** Forgets every cached token of the user (a password change ends the user's other sessions). */
	void evictUser(String userId) {
		// A check still in flight may belong to the user too: dropping it only costs a re-check.
		this.sessions.asMap().entrySet().removeIf(entry -> {
			var future = entry.getValue();
			if (!future.isDone() || future.isCompletedExceptionally()) {
				return true;
			}
			Session session = future.join();
			return session == null || userId.equals(session.userId());
		});
	}

	private static String keyOf(String token) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is always available", ex);
		}
	}

}
