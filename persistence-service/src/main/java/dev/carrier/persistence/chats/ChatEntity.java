package dev.carrier.persistence.chats;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

/**
 * A row of {@code chats} with its members; read through JPA, written by
 * {@link ChatStore}.
 */
@Entity
@Table(name = "chats")
class ChatEntity {

	@Id
	private String id;

	private String type;

	private String name;

	@Column(name = "direct_key")
	private String directKey;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "last_seq")
	private long lastSeq;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "chat_members", joinColumns = @JoinColumn(name = "chat_id"))
	@Column(name = "user_id")
	private Set<String> memberIds = new HashSet<>();

	protected ChatEntity() {
	}

	String id() {
		return this.id;
	}

	ChatView toView(long maxMessageSeq) {
		return new ChatView(this.id, this.type, this.name, List.copyOf(this.memberIds).stream().sorted().toList(),
				this.createdAt, Math.max(this.lastSeq, maxMessageSeq));
	}

}
