package dev.carrier.auth.accounts;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.carrier.auth.LoginNames;
import dev.carrier.auth.remote.PersistenceClient;
import dev.carrier.auth.remote.PersistenceClient.UserRecord;
import dev.carrier.auth.remote.RemoteUnavailable;

/**
 * Finds users in Redis first and reads through to persistence-service (MySQL) on a miss,
 * writing what it finds back to Redis, so an existing account can always log in with its
 * old id after Redis lost it (FLUSHALL, eviction, a new Redis).
 */
@Component
class UserDirectory {

	private final UserStore store;

	private final PersistenceClient persistence;

	UserDirectory(UserStore store, PersistenceClient persistence) {
		this.store = store;
		this.persistence = persistence;
	}

	/**
	 * @throws RemoteUnavailable when Redis does not know the user and persistence cannot
	 * say
	 */
	public Optional<User> findById(String userId) {
		Optional<User> cached = this.store.findById(userId);
		if (cached.isPresent()) {
			return cached;
		}
		return this.persistence.findUserById(userId).map(this::restore);
	}

	/** Finds by username or email, compared as {@link LoginNames#normalize} says. */
	public Optional<User> findByLogin(String login) {
		String name = LoginNames.normalize(login);
		Optional<String> id = isEmail(name) ? this.store.findIdByEmail(name) : this.store.findIdByUsername(name);
		if (id.isPresent()) {
			Optional<User> user = findById(id.get());
			if (user.isPresent()) {
				return user;
			}
		}
		Optional<User> found = this.persistence.findUserByLogin(name).map(this::restore);
		// An email stored before names were normalized (say in full-width letters) is
		// indexed in
		// MySQL by its old form, which trimmed only ASCII-style spaces and did no NFKC.
		String legacy = login.strip().toLowerCase(Locale.ROOT);
		if (found.isEmpty() && !legacy.equals(name)) {
			found = this.persistence.findUserByLogin(legacy).map(this::restore);
		}
		// MySQL learns of a rename or an email change a moment after Redis (through
		// Kafka):
		// a name the user gave up must not log in meanwhile, so the user, as Redis now
		// knows
		// them when it does, must still go by the name asked for.
		return found.filter(user -> goesBy(user, name));
	}

	private static boolean goesBy(User user, String name) {
		return name.equals(LoginNames.normalize(isEmail(name) ? user.email() : user.username()));
	}

	/**
	 * Whether Redis alone knows the username or email; used before asking persistence.
	 */
	boolean knownInRedis(String usernameOrEmail) {
		return (isEmail(usernameOrEmail) ? this.store.findIdByEmail(usernameOrEmail)
				: this.store.findIdByUsername(usernameOrEmail))
			.isPresent();
	}

	static boolean isEmail(String login) {
		return login.indexOf('@') >= 0;
	}

	private User restore(UserRecord record) {
		Instant createdAt = (record.createdAt() != null) ? record.createdAt() : Instant.now();
		User user = new User(record.id(), record.username(), record.email(), record.passwordHash(), record.avatar(),
				(record.avatarVersion() != null) ? record.avatarVersion() : 0, createdAt,
				(record.updatedAt() != null) ? record.updatedAt() : createdAt,
				Boolean.TRUE.equals(record.presenceHidden()));
		this.store.restore(user);
		return this.store.findById(user.id()).orElse(user);
	}

}
