package dev.carrier.auth.accounts;

import java.time.Instant;

import dev.carrier.auth.events.UserChanged;

/**
 * A Carrier account as auth-service keeps it. {@code avatar} is {@code null},
 * {@code preset:<name>} or {@code upload:<content-type>}; {@code avatarVersion} grows
 * with every change so avatar URLs can be cached forever. {@code presenceHidden}: the
 * user chose not to show when they are online (chat-service reads it with the user).
 */
public record User(String id, String username, String email, String passwordHash, String avatar, long avatarVersion,
		Instant createdAt, Instant updatedAt, boolean presenceHidden) {

	/** A user who shows their presence, as every new account does. */
	public User(String id, String username, String email, String passwordHash, String avatar, long avatarVersion,
			Instant createdAt, Instant updatedAt) {
		this(id, username, email, passwordHash, avatar, avatarVersion, createdAt, updatedAt, false);
	}

	public static final String PRESET_PREFIX = "preset:";

	public static final String UPLOAD_PREFIX = "upload:";

	public String avatarUrl() {
		return (this.avatar != null) ? "/api/users/" + this.id + "/avatar?v=" + this.avatarVersion : null;
	}

	public User withUsername(String username, Instant now) {
		return new User(this.id, username, this.email, this.passwordHash, this.avatar, this.avatarVersion,
				this.createdAt, now, this.presenceHidden);
	}

	public User withEmail(String email, Instant now) {
		return new User(this.id, this.username, email, this.passwordHash, this.avatar, this.avatarVersion,
				this.createdAt, now, this.presenceHidden);
	}

	public User withPasswordHash(String passwordHash, Instant now) {
		return new User(this.id, this.username, this.email, passwordHash, this.avatar, this.avatarVersion,
				this.createdAt, now, this.presenceHidden);
	}

	public User withAvatar(String avatar, Instant now) {
		return new User(this.id, this.username, this.email, this.passwordHash, avatar, this.avatarVersion + 1,
				this.createdAt, now, this.presenceHidden);
	}

	public User withPresenceHidden(boolean hidden, Instant now) {
		return new User(this.id, this.username, this.email, this.passwordHash, this.avatar, this.avatarVersion,
				this.createdAt, now, hidden);
	}

	/** The whole user as {@code carrier.auth.user-changed} carries it. */
	public UserChanged.Snapshot snapshot() {
		return new UserChanged.Snapshot(this.id, this.username, this.email, this.passwordHash, this.avatar,
				this.avatarVersion, this.createdAt, this.updatedAt, this.presenceHidden);
	}

	/** Keeps the password hash out of logs and exception messages. */
	@Override
	public String toString() {
		return "User[id=" + this.id + ", username=" + this.username + "]";
	}

}
