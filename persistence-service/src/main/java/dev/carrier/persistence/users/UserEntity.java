package dev.carrier.persistence.users;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code users}; read through JPA, written by {@link UserStore}. */
@Entity
@Table(name = "users")
class UserEntity {

	@Id
	private String id;

	private String username;

	@Column(name = "username_lower")
	private String usernameLower;

	private String email;

	@Column(name = "email_lower")
	private String emailLower;

	@Column(name = "password_hash")
	private String passwordHash;

	private String avatar;

	@Column(name = "avatar_version")
	private long avatarVersion;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "updated_at")
	private Instant updatedAt;

	@Column(name = "presence_hidden")
	private boolean presenceHidden;

	protected UserEntity() {
	}

	UserRecord toRecord() {
		return new UserRecord(this.id, this.username, this.email, this.passwordHash, this.avatar, this.avatarVersion,
				this.createdAt, this.updatedAt, this.presenceHidden);
	}

}
