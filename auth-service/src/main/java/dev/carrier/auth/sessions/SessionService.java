package dev.carrier.auth.sessions;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import dev.carrier.auth.accounts.PasswordChanged;
import dev.carrier.auth.remote.ChatClient;

/**
 * Live sessions and logouts ({@link LoginService} opens them). A session lives until its
 * idle timeout (sliding) or its absolute lifetime, whichever comes first; logging out, or
 * a password change from another session, ends it at once.
 */
@Service
public class SessionService {

	private static final Logger log = LoggerFactory.getLogger(SessionService.class);

	private final SessionStore sessions;

	private final ChatClient chat;

	private final SessionProperties properties;

	public SessionService(SessionStore sessions, ChatClient chat, SessionProperties properties) {
		this.sessions = sessions;
		this.chat = chat;
		this.properties = properties;
	}

	/**
	 * The live session of a token, its idle timeout pushed forward (at most once per
	 * slide interval, never past the absolute lifetime).
	 */
	public Session current(String token) {
		String keyHash = SessionTokens.keyHash(token);
		Session session = this.sessions.find(keyHash).orElseThrow(() -> new Unauthenticated("Session is not valid"));
		Instant now = Instant.now();
		if (!session.expiresAt().isAfter(now)) {
			this.sessions.close(keyHash, session.userId());
			throw new Unauthenticated("Session is not valid");
		}
		Duration wanted = min(this.properties.idleTtl(), Duration.between(now, session.expiresAt()));
		long remaining = this.sessions.remainingIdleMillis(keyHash);
		if (remaining >= 0 && wanted.toMillis() - remaining >= this.properties.slideInterval().toMillis()) {
			this.sessions.slide(keyHash, wanted);
		}
		return session;
	}

	/**
	 * Which of these tokens still have a session, without touching any timeout:
	 * chat-service asks this every half second for its open sockets, and closes those
	 * whose session ended (logout, password change, idle or absolute expiry, a lost
	 * session store).
	 */
	public List<String> alive(List<String> tokens) {
		List<String> keyHashes = tokens.stream().map(SessionTokens::keyHash).toList();
		Map<String, Instant> expiries = this.sessions.expiries(keyHashes);
		Instant now = Instant.now();
		List<String> alive = new ArrayList<>();
		for (int i = 0; i < tokens.size(); i++) {
			Instant end = expiries.get(keyHashes.get(i));
			if (end != null && end.isAfter(now)) {
				alive.add(tokens.get(i));
			}
		}
		return alive;
	}

	/** The session of a token without touching its timeout, if it is alive. */
	public Optional<Session> peek(String token) {
		return this.sessions.find(SessionTokens.keyHash(token))
			.filter((session) -> session.expiresAt().isAfter(Instant.now()));
	}

	public void logout(String userId, String token) {
		String keyHash = SessionTokens.keyHash(token);
		Session session = this.sessions.find(keyHash)
			.filter((found) -> found.userId().equals(userId))
			.orElseThrow(() -> new Unauthenticated("Session is not valid"));
		this.sessions.close(session.keyHash(), userId);
		log.info("User {} logged out", userId);
		if (this.sessions.liveSessions(userId).isEmpty()) {
			this.chat.userLoggedOut(userId);
		}
	}

	/**
	 * Ends every session of the user but the one with {@code keepToken} (may be null:
	 * all).
	 */
	int endOtherSessions(String userId, String keepToken) {
		String keep = (keepToken != null) ? SessionTokens.keyHash(keepToken) : null;
		int ended = 0;
		for (String keyHash : this.sessions.liveSessions(userId)) {
			if (!keyHash.equals(keep) && this.sessions.close(keyHash, userId)) {
				ended++;
			}
		}
		return ended;
	}

	/**
	 * A password change ends every other session of the user before the change is
	 * answered.
	 */
	@EventListener
	void onPasswordChanged(PasswordChanged change) {
		int ended = endOtherSessions(change.userId(), change.keptToken());
		log.info("{} other session(s) of user {} ended after a password change", ended, change.userId());
	}

	public Set<String> onlineAmong(Collection<String> userIds) {
		Set<String> online = new LinkedHashSet<>();
		for (String userId : userIds) {
			if (!this.sessions.liveSessions(userId).isEmpty()) {
				online.add(userId);
			}
		}
		return online;
	}

	static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

}
