package dev.carrier.auth.accounts;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import dev.carrier.auth.LoginNames;
import dev.carrier.auth.attempts.AttemptLimiter;
import dev.carrier.auth.credentials.PasswordHasher;
import dev.carrier.auth.credentials.Requester;
import dev.carrier.auth.events.EventNotPublished;
import dev.carrier.auth.events.EventPublisher;

/**
 * Creates accounts and changes their names. A change is written to Redis atomically (so
 * names stay unique), then published to Kafka and awaited; when Kafka does not
 * acknowledge it, the Redis write is taken back and the client hears 503, so Redis and
 * MySQL never disagree for long. Names are stored as {@link LoginNames#canonical} gives
 * them and compared as {@link LoginNames#normalize} does, the rule login uses too.
 */
@Service
public class AccountService {

	private static final Logger log = LoggerFactory.getLogger(AccountService.class);

	private final UserStore store;

	private final UserDirectory directory;

	private final PasswordHasher hasher;

	private final EventPublisher events;

	private final AttemptLimiter attempts;

	public AccountService(UserStore store, UserDirectory directory, PasswordHasher hasher, EventPublisher events,
			AttemptLimiter attempts) {
		this.attempts = attempts;
		this.store = store;
		this.directory = directory;
		this.hasher = hasher;
		this.events = events;
	}

	public User signup(String typedUsername, String typedEmail, String password, String clientAddress) {
		String username = LoginNames.canonical(typedUsername);
		String email = LoginNames.canonical(typedEmail);
		// Signups count against the name's login attempts, as they did at the gateway.
		this.attempts.takeLogin(username);
		ensureFree("username", username, null);
		ensureFree("email", email, null);
		Instant now = Instant.now();
		String hash = this.hasher.hash(password, new Requester(LoginNames.normalize(username), clientAddress));
		User user = new User(UUID.randomUUID().toString(), username, email, hash, null, 0, now, now);
		String outcome = this.store.register(user);
		if (!"ok".equals(outcome)) {
			throw new AccountTaken(outcome);
		}
		try {
			this.events.userChanged(user.snapshot());
		}
		catch (EventNotPublished ex) {
			this.store.remove(user);
			throw ex;
		}
		log.info("User {} signed up", user.id());
		return user;
	}

	public User get(String userId) {
		return this.directory.findById(userId).orElseThrow(UserNotFound::new);
	}

	public User lookup(String usernameOrEmail) {
		return this.directory.findByLogin(usernameOrEmail).orElseThrow(UserNotFound::new);
	}

	/**
	 * @throws dev.carrier.auth.remote.RemoteUnavailable when Redis does not know the user
	 * and persistence cannot say
	 */
	public Optional<User> find(String userId) {
		return this.directory.findById(userId);
	}

	/** By username or email, compared as {@link LoginNames#normalize} says. */
	public Optional<User> findByLogin(String login) {
		return this.directory.findByLogin(login);
	}

	/**
	 * Keeps a change to fields no index depends on (password hash, avatar). It is
	 * published and acknowledged first, so a failed publish ({@link EventNotPublished})
	 * changes nothing; {@code beforeSaving} runs in between (an avatar's bytes go in
	 * before the user that points at them).
	 */
	public void saveChange(User changed, Runnable beforeSaving) {
		this.events.userChanged(changed.snapshot());
		beforeSaving.run();
		this.store.save(changed);
	}

	public void saveChange(User changed) {
		saveChange(changed, () -> {
		});
	}

	public User updateProfile(String userId, String typedUsername, String typedEmail) {
		String username = (typedUsername != null) ? LoginNames.canonical(typedUsername) : null;
		String email = (typedEmail != null) ? LoginNames.canonical(typedEmail) : null;
		User before = get(userId);
		Instant now = Instant.now();
		User after = before;
		if (username != null && !username.equals(before.username())) {
			ensureFree("username", username, before.id());
			after = after.withUsername(username, now);
		}
		if (email != null && !email.equals(before.email())) {
			ensureFree("email", email, before.id());
			after = after.withEmail(email, now);
		}
		if (after == before) {
			return before;
		}
		String outcome = this.store.changeIdentity(before, after);
		if ("missing".equals(outcome)) {
			throw new UserNotFound();
		}
		if (!"ok".equals(outcome)) {
			throw new AccountTaken(outcome);
		}
		try {
			this.events.userChanged(after.snapshot());
		}
		catch (EventNotPublished ex) {
			this.store.changeIdentity(after, before);
			throw ex;
		}
		log.info("User {} changed profile", userId);
		return after;
	}

	/**
	 * Shows or hides when the user is online. Published and acknowledged before Redis
	 * keeps it, like every change of the user, so a choice survives the loss of Redis.
	 */
	public void setPresenceVisible(String userId, boolean visible) {
		User user = get(userId);
		if (user.presenceHidden() != visible) {
			return;
		}
		saveChange(user.withPresenceHidden(!visible, Instant.now()));
		log.info("User {} {} their presence", userId, visible ? "shows" : "hides");
	}

	/**
	 * Fails when the name belongs to someone else. A name Redis does not know is checked
	 * with persistence-service too, since Redis may have lost users that MySQL still
	 * holds.
	 */
	private void ensureFree(String field, String value, String ownerId) {
		Optional<String> cachedOwner = "email".equals(field) ? this.store.findIdByEmail(value)
				: this.store.findIdByUsername(value);
		if (cachedOwner.isPresent()) {
			if (!Objects.equals(cachedOwner.get(), ownerId)) {
				throw new AccountTaken(field);
			}
			return;
		}
		this.directory.findByLogin(value).ifPresent((existing) -> {
			if (!existing.id().equals(ownerId)) {
				throw new AccountTaken(field);
			}
		});
	}

}
