package dev.carrier.persistence.users;

import java.util.Base64;
import java.util.List;
import java.util.Locale;

import dev.carrier.persistence.SqlTimes;
import dev.carrier.persistence.events.AvatarUploaded;
import dev.carrier.persistence.events.UserChanged;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Batch writes of users and avatars; a snapshot older than the stored one changes
 * nothing.
 */
@Repository
class UserStore {

	// Assignments run left to right and see the columns updated before them: updated_at
	// goes last.
	private static final String UPSERT_USER = """
			INSERT INTO users (id, username, username_lower, email, email_lower, password_hash, avatar,
				avatar_version, created_at, updated_at, presence_hidden)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON DUPLICATE KEY UPDATE
				username = IF(VALUES(updated_at) >= updated_at, VALUES(username), username),
				username_lower = IF(VALUES(updated_at) >= updated_at, VALUES(username_lower), username_lower),
				email = IF(VALUES(updated_at) >= updated_at, VALUES(email), email),
				email_lower = IF(VALUES(updated_at) >= updated_at, VALUES(email_lower), email_lower),
				password_hash = IF(VALUES(updated_at) >= updated_at, VALUES(password_hash), password_hash),
				avatar = IF(VALUES(updated_at) >= updated_at, VALUES(avatar), avatar),
				avatar_version = IF(VALUES(updated_at) >= updated_at, VALUES(avatar_version), avatar_version),
				presence_hidden = IF(VALUES(updated_at) >= updated_at, VALUES(presence_hidden), presence_hidden),
				updated_at = GREATEST(updated_at, VALUES(updated_at))
			""";

	private static final String UPSERT_AVATAR = """
			INSERT INTO avatars (user_id, content_type, bytes, version) VALUES (?, ?, ?, ?)
			ON DUPLICATE KEY UPDATE
				content_type = IF(VALUES(version) >= version, VALUES(content_type), content_type),
				bytes = IF(VALUES(version) >= version, VALUES(bytes), bytes),
				version = GREATEST(version, VALUES(version))
			""";

	private final JdbcTemplate jdbc;

	UserStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public void upsertUsers(List<UserChanged.User> users) {
		this.jdbc.batchUpdate(UPSERT_USER, users, users.size(), (statement, user) -> {
			statement.setString(1, user.id());
			statement.setString(2, user.username());
			statement.setString(3, user.username().toLowerCase(Locale.ROOT));
			statement.setString(4, user.email());
			statement.setString(5, user.email().toLowerCase(Locale.ROOT));
			statement.setString(6, user.passwordHash());
			statement.setString(7, user.avatar());
			statement.setLong(8, user.avatarVersion());
			statement.setString(9, SqlTimes.utc(user.createdAt()));
			statement.setString(10, SqlTimes.utc(user.updatedAt()));
			statement.setBoolean(11, Boolean.TRUE.equals(user.presenceHidden()));
		});
	}

	public void upsertAvatars(List<AvatarUploaded> avatars) {
		this.jdbc.batchUpdate(UPSERT_AVATAR, avatars, avatars.size(), (statement, avatar) -> {
			statement.setString(1, avatar.userId());
			statement.setString(2, avatar.contentType());
			statement.setBytes(3, Base64.getDecoder().decode(avatar.bytesBase64()));
			statement.setLong(4, avatar.version());
		});
	}

}
