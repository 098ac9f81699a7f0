package dev.carrier.gateway.tokens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * A memory of valid tokens, so a steady sender costs one round trip to auth-service per
 * {@code cacheTtl} instead of one per request. Only positive answers are kept, never past
 * the session's own end, and every session that ends anywhere is dropped at once:
 * auth-service announces it ({@link SessionEndNotices}), and a logout or password change
 * passing through this gateway evicts locally too. Concurrent checks of one token share
 * one request. Tokens are keyed by their SHA-256 (hex), as auth-service names sessions,
 * so raw tokens do not linger on the heap.
 */
@Component
class SessionCache {

	private final AsyncCache<String, Session> sessions;

	private final AuthSessionClient client;

	SessionCache(AuthSessionClient client, TokenProperties properties) {
		this.client = client;
		this.sessions = Caffeine.newBuilder()
			.expireAfter(Expiry.<String, Session>creating((key, session) -> lifetime(session, properties.cacheTtl())))
			.maximumSize(properties.cacheSize())
			.buildAsync();
	}

	/**
	 * The token's session, empty for an unknown token; a failed check is not remembered.
	 */
	Mono<Session> sessionOf(String token) {
		String key = keyOf(token);
		// suppressCancel: a client that goes away must not cancel a check other requests
		// share.
		return Mono.fromFuture(
				() -> this.sessions.get(key, (k, executor) -> this.client.currentSession(token).toFuture()), true);
	}

	void evictToken(String token) {
		evictKeyHash(keyOf(token));
	}

	/** Forgets the session whose token has this SHA-256 (hex): auth-service ended it. */
	void evictKeyHash(String keyHash) {
		this.sessions.synchronous().invalidate(keyHash);
	}

	/**
	 * Forgets everything: the notices may have been missed (the session store went away).
	 */
	void evictAll() {
		this.sessions.synchronous().invalidateAll();
	}

	private static Duration lifetime(Session session, Duration cacheTtl) {
		if (session == null || session.expiresAt() == null) {
			return cacheTtl;
		}
		Duration left = Duration.between(Instant.now(), session.expiresAt());
		return left.isNegative() ? Duration.ZERO : (left.compareTo(cacheTtl) < 0 ? left : cacheTtl);
	}

	/**
	 * Forgets every cached token of the user (a password change ends the user's other
	 * sessions).
	 */
	void evictUser(String userId) {
		// A check still in flight may belong to the user too: dropping it only costs a
		// re-check.
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
