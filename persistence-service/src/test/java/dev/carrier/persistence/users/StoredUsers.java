package dev.carrier.persistence.users;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

import dev.carrier.persistence.events.AvatarUploaded;
import dev.carrier.persistence.events.UserChanged;

/**
 * Writes users and avatars straight into the durable record, as auth-service's events
 * would, for the tests that read them back; the store itself stays package-private.
 */
public class StoredUsers {

	private final UserStore store;

	public StoredUsers(JdbcTemplate jdbc) {
		this.store = new UserStore(jdbc);
	}

	public void upsertUsers(List<UserChanged.User> users) {
		this.store.upsertUsers(users);
	}

	public void upsertAvatars(List<AvatarUploaded> avatars) {
		this.store.upsertAvatars(avatars);
	}

}
