package dev.carrier.auth.credentials;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import dev.carrier.auth.accounts.AccountService;
import dev.carrier.auth.accounts.User;
import dev.carrier.auth.accounts.UserStore;
import dev.carrier.auth.attempts.AttemptLimiter;
import dev.carrier.auth.events.EventPublisher;
import dev.carrier.auth.sessions.SessionService;

/**
 * Password changes. The new hash is published (and acknowledged by Kafka) before Redis takes it,
 * so a failed publish changes nothing; then every other session of the user ends. Wrong current
 * passwords are limited per account, since a stolen session could otherwise guess the password it
 * needs to take the account over.
 */
@Service
public class PasswordService {

	private static final Logger log = LoggerFactory.getLogger(PasswordService.class);

	private final AccountService accounts;

	private final UserStore users;

	private final PasswordHasher hasher;

	private final EventPublisher events;

	private final SessionService sessions;

	private final AttemptLimiter attempts;

	public PasswordService(AccountService accounts, UserStore users, PasswordHasher hasher, EventPublisher events,
			SessionService sessions, AttemptLimiter attempts) {
		this.attempts = attempts;
		this.accounts = accounts;
		this.users = users;
		this.hasher = hasher;
		this.events = events;
		this.sessions = sessions;
	}

	public void changePassword(String userId, String currentToken, String currentPassword, String newPassword,
			String clientAddress) {
		// Taken before the hash, so parallel guesses cannot all start before the first one counts.
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
				// Only a wrong password counts; a right one, or a check that never ran, is given back.
				this.attempts.giveBackPasswordChange(userId);
			}
		}
		if (wrong) {
			throw new WrongPassword();
		}
		User changed = user.withPasswordHash(this.hasher.hash(newPassword, requester), Instant.now());
		this.events.userChanged(changed);
		this.users.save(changed);
		int ended = this.sessions.endOtherSessions(userId, currentToken);
		log.info("User {} changed password; {} other session(s) ended", userId, ended);
	}

}
