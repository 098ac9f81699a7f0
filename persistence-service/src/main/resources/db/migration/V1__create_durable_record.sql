-- The durable record. No foreign keys on purpose: users, chats, messages and read positions
-- arrive on different Kafka topics, in any order, and every write must succeed on its own.
-- Ids are UUID strings; the *_lower columns and direct_key compare byte for byte.

CREATE TABLE users (
	id             VARCHAR(64)  NOT NULL,
	username       VARCHAR(64)  NOT NULL,
	username_lower VARCHAR(64)  NOT NULL COLLATE utf8mb4_bin,
	email          VARCHAR(320) NOT NULL,
	email_lower    VARCHAR(320) NOT NULL COLLATE utf8mb4_bin,
	password_hash  VARCHAR(512) NOT NULL,
	avatar         VARCHAR(200) NULL,
	avatar_version BIGINT       NOT NULL DEFAULT 0,
	created_at     DATETIME(6)  NOT NULL,
	updated_at     DATETIME(6)  NOT NULL,
	PRIMARY KEY (id),
	CONSTRAINT uk_users_username_lower UNIQUE (username_lower),
	CONSTRAINT uk_users_email_lower UNIQUE (email_lower)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE avatars (
	user_id      VARCHAR(64)  NOT NULL,
	content_type VARCHAR(100) NOT NULL,
	bytes        MEDIUMBLOB   NOT NULL,
	version      BIGINT       NOT NULL,
	PRIMARY KEY (user_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE chats (
	id         VARCHAR(64)  NOT NULL,
	type       VARCHAR(16)  NOT NULL,
	name       VARCHAR(200) NULL,
	direct_key VARCHAR(160) NULL COLLATE utf8mb4_bin,
	created_at DATETIME(6)  NOT NULL,
	last_seq   BIGINT       NOT NULL DEFAULT 0,
	PRIMARY KEY (id),
	CONSTRAINT uk_chats_direct_key UNIQUE (direct_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE chat_members (
	chat_id VARCHAR(64) NOT NULL,
	user_id VARCHAR(64) NOT NULL,
	PRIMARY KEY (chat_id, user_id),
	INDEX ix_chat_members_user (user_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE messages (
	id                VARCHAR(64)   NOT NULL,
	chat_id           VARCHAR(64)   NOT NULL,
	seq               BIGINT        NOT NULL,
	sender_id         VARCHAR(64)   NOT NULL,
	text              VARCHAR(4000) NOT NULL,
	-- null only for a tombstone whose message-sent has not arrived yet
	sent_at           DATETIME(6)   NULL,
	deleted           BOOLEAN       NOT NULL DEFAULT FALSE,
	client_message_id VARCHAR(100)  NULL,
	PRIMARY KEY (id),
	-- the paging index: history pages and the last-seq lookup read it in order
	CONSTRAINT uk_messages_chat_seq UNIQUE (chat_id, seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE read_positions (
	chat_id VARCHAR(64) NOT NULL,
	user_id VARCHAR(64) NOT NULL,
	seq     BIGINT      NOT NULL,
	PRIMARY KEY (chat_id, user_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
