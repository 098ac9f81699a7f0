package dev.carrier.auth.accounts;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import dev.carrier.auth.attempts.AttemptLimiter;
import dev.carrier.auth.credentials.PasswordHasher;
import dev.carrier.auth.credentials.Requester;
import dev.carrier.auth.events.EventNotPublished;

/**
 * Password changes. The new hash is published (and acknowledged by Kafka) before Redis
 * takes it, so a failed publish changes nothing; then {@link PasswordChanged} tells
 * sessions to end every other session of the user. Wrong current passwords are limited
 * per account, since a stolen session could otherwise guess the password it needs to take
 * the account over.
 */
@Service
public class PasswordService {

	private static final Logger log = LoggerFactory.getLogger(PasswordService.class);

	private final AccountService accounts;

	private final PasswordHasher hasher;

	private final AttemptLimiter attempts;

	private final ApplicationEventPublisher applicationEvents;

	PasswordService(AccountService accounts, PasswordHasher hasher, AttemptLimiter attempts,
			ApplicationEventPublisher applicationEvents) {
		this.accounts = accounts;
		this.hasher = hasher;
		this.attempts = attempts;
		this.applicationEvents = applicationEvents;
	}

	public void changePassword(String userId, String currentToken, String currentPassword, String newPassword,
			String clientAddress) {
		// Taken before the hash, so parallel guesses cannot all start before the first
		// one counts.
		this.attempts.takePasswordChange(userId);
		Requester requester = new Requester(userId, clientAddress);
		User user;
		boolean wrong = false;
		try {
			user = this.accounts.get(userId);
			wrong = !this.hasher.matches(currentPassword, user.passwordHash(), requester);
		}
		finally {
			if (!wrong) {
				// Only a wrong password counts; a right one, or a check that never ran,
				// is given back.
				this.attempts.giveBackPasswordChange(userId);
			}
		}
		if (wrong) {
			throw new WrongPassword();
		}
		this.accounts.saveChange(user.withPasswordHash(this.hasher.hash(newPassword, requester), Instant.now()));
		log.info("User {} changed password", userId);
		this.applicationEvents.publishEvent(new PasswordChanged(userId, currentToken));
	}

	/**
	 * Re-hashes a password stored at a lower iteration count than today's, once it has
	 * been checked. Best effort: the old hash still verifies the same password, so a
	 * failure only postpones the upgrade.
	 */
	public User upgradeHashIfOld(User user, String password, Requester requester) {
		if (!this.hasher.needsUpgrade(user.passwordHash())) {
			return user;
		}
		User upgraded = user.withPasswordHash(this.hasher.hash(password, requester), Instant.now());
		try {
			this.accounts.saveChange(upgraded);
			log.info("Upgraded the password hash of user {}", user.id());
			return upgraded;
		}
		catch (EventNotPublished ex) {
			log.warn("Could not upgrade the password hash of user {}; kept the old one", user.id());
			return user;
		}
	}

}
