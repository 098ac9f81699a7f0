package dev.carrier.auth.sessions;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import dev.carrier.auth.LoginNames;
import dev.carrier.auth.accounts.AccountService;
import dev.carrier.auth.accounts.PasswordService;
import dev.carrier.auth.accounts.User;
import dev.carrier.auth.attempts.AttemptLimiter;
import dev.carrier.auth.credentials.PasswordHasher;
import dev.carrier.auth.credentials.Requester;
import dev.carrier.auth.hydration.HydrationClient;

/**
 * Logins: the per-name attempt limit, the password check (an unknown login costs the same
 * hash as a wrong password), the old-hash upgrade, then a new session and the hydration
 * notice.
 */
@Service
public class LoginService {

	private static final Logger log = LoggerFactory.getLogger(LoginService.class);

	private static final String BAD_CREDENTIALS = "Wrong login or password";

	private final AccountService accounts;

	private final PasswordService passwords;

	private final PasswordHasher hasher;

	private final AttemptLimiter attempts;

	private final SessionStore sessions;

	private final HydrationClient hydration;

	private final SessionProperties properties;

	private volatile String dummyHash;

	LoginService(AccountService accounts, PasswordService passwords, PasswordHasher hasher, AttemptLimiter attempts,
			SessionStore sessions, HydrationClient hydration, SessionProperties properties) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.hasher = hasher;
		this.attempts = attempts;
		this.sessions = sessions;
		this.hydration = hydration;
		this.properties = properties;
	}

	/**
	 * @param clientAddress where the login comes from ({@code ClientAddress}), for the
	 * hashing pool's per-address share
	 */
	public LoggedIn login(String login, String password, String clientAddress) {
		// The limit counts the very name the lookup uses: no spelling of a name gets a
		// fresh bucket.
		String name = LoginNames.normalize(login);
		this.attempts.takeLogin(name);
		Requester requester = new Requester(name, clientAddress);
		Optional<User> found = this.accounts.findByLogin(name);
		if (found.isEmpty()) {
			// an unknown login costs one hash, as a wrong password does: its timing tells
			// nobody
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
		Duration initialTtl = SessionService.min(this.properties.idleTtl(), this.properties.maxAge());
		this.sessions.open(new Session(SessionTokens.keyHash(token), user.id(), now, expiresAt), initialTtl,
				this.properties.maxAge());
		this.hydration.hydrateUser(user.id());
		log.info("User {} logged in", user.id());
		return new LoggedIn(token, expiresAt, user);
	}

	/**
	 * A hash of nothing anyone knows, with the current cost: what an unknown login is
	 * checked against.
	 */
	private String dummyHash() {
		String hash = this.dummyHash;
		if (hash == null) {
			hash = this.hasher.hash(SessionTokens.newToken());
			this.dummyHash = hash;
		}
		return hash;
	}

	public record LoggedIn(String token, Instant expiresAt, User user) {

		@Override
		public String toString() {
			return "LoggedIn[userId=" + this.user.id() + "]";
		}

	}

}
