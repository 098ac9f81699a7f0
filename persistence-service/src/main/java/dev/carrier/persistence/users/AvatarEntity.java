package dev.carrier.persistence.users;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code avatars}: an uploaded image, at most a few MiB. */
@Entity
@Table(name = "avatars")
class AvatarEntity {

	@Id
	@Column(name = "user_id")
	private String userId;

	@Column(name = "content_type")
	private String contentType;

	@Column(columnDefinition = "mediumblob")
	private byte[] bytes;

	private long version;

	protected AvatarEntity() {
	}

	String contentType() {
		return this.contentType;
	}

	byte[] bytes() {
		return this.bytes;
	}

}
