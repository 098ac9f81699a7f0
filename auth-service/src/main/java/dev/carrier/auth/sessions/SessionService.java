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

import dev.carrier.auth.LoginNames;
import dev.carrier.auth.accounts.AccountService;
import dev.carrier.auth.accounts.PasswordChanged;
import dev.carrier.auth.accounts.PasswordService;
import dev.carrier.auth.accounts.User;
import dev.carrier.auth.attempts.AttemptLimiter;
import dev.carrier.auth.credentials.PasswordHasher;
import dev.carrier.auth.credentials.Requester;
import dev.carrier.auth.hydration.HydrationClient;
import dev.carrier.auth.remote.ChatClient;

/**
 * Logins, sessions and logouts. A session lives until its idle timeout (sliding) or its absolute
 * lifetime, whichever comes first; logging out ends it at once.
 */
@Service
public class SessionService {

	private static final Logger log = LoggerFactory.getLogger(SessionService.class);

	private static final String BAD_CREDENTIALS = "Wrong login or password";

	private final AccountService accounts;

	private final PasswordService passwords;

	private final SessionStore sessions;

	private final PasswordHasher hasher;

	private volatile String dummyHash;

	private final HydrationClient hydration;

	private final ChatClient chat;

	private final SessionProperties properties;

	private final AttemptLimiter attempts;

	public SessionService(AccountService accounts, PasswordService passwords, SessionStore sessions,
			PasswordHasher hasher, HydrationClient hydration, ChatClient chat, SessionProperties properties,
			AttemptLimiter attempts) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.sessions = sessions;
		this.hasher = hasher;
		this.hydration = hydration;
		this.chat = chat;
		this.properties = properties;
		this.attempts = attempts;
	}

	/**
	 * @param clientAddress where the login comes from ({@code ClientAddress}), for the hashing
	 * pool's per-address share
	 */
	public LoggedIn login(String login, String password, String clientAddress) {
		// The limit counts the very name the lookup uses: no spelling of a name gets a fresh bucket.
		String name = LoginNames.normalize(login);
		this.attempts.takeLogin(name);
		Requester requester = new Requester(name, clientAddress);
		Optional<User> found = this.accounts.findByLogin(name);
		if (found.isEmpty()) {
			// an unknown login costs one hash, as a wrong password does: its timing tells nobody
			// whether the account exists
			this.hasher.matches(password, dummyHash(), requester);
			throw new Unauthenticated(BAD_CREDENTIALS);
		}
		User user = found.get();
		if (!this.hasher.matches(password, user.passwordHash(), requester)) {
			throw new Unauthenticated(BAD_CREDENTIALS);
		}
		user = this.passwords.upgradeHashIfOld(user, password, requester);
		String token = SessionTokens.newToken();
		Instant now = Instant.now();
		Instant expiresAt = now.plus(this.properties.maxAge());
		this.sessions.open(new Session(SessionTokens.keyHash(token), user.id(), now, expiresAt), initialTtl(),
				this.properties.maxAge());
		this.hydration.hydrateUser(user.id());
		log.info("User {} logged in", user.id());
		return new LoggedIn(token, expiresAt, user);
	}

	/**
	 * The live session of a token, its idle timeout pushed forward (at most once per slide
	 * interval, never past the absolute lifetime).
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

	/** A hash of nothing anyone knows, with the current cost: what an unknown login is checked against. */
	private String dummyHash() {
		String hash = this.dummyHash;
		if (hash == null) {
			hash = this.hasher.hash(SessionTokens.newToken());
			this.dummyHash = hash;
		}
		return hash;
	}

	/**
	 * Which of these tokens still have a session, without touching any timeout: chat-service asks
	 * this every half second for its open sockets, and closes those whose session ended (logout,
	 * password change, idle or absolute expiry, a lost session store).
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

	/** Ends every session of the user but the one with {@code keepToken} (may be null: all). */
	public int endOtherSessions(String userId, String keepToken) {
		String keep = (keepToken != null) ? SessionTokens.keyHash(keepToken) : null;
		int ended = 0;
		for (String keyHash : this.sessions.liveSessions(userId)) {
			if (!keyHash.equals(keep) && this.sessions.close(keyHash, userId)) {
				ended++;
			}
		}
		return ended;
	}

	/** A password change ends every other session of the user before the change is answered. */
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

	private Duration initialTtl() {
		return min(this.properties.idleTtl(), this.properties.maxAge());
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

	public record LoggedIn(String token, Instant expiresAt, User user) {

		@Override
		public String toString() {
			return "LoggedIn[userId=" + this.user.id() + "]";
		}

	}

}
