-- One row per (chat, user) who ever hid the chat from their chat list, kept when they show it again
-- (hidden = FALSE): the row's changed_at is what lets an older chat-hidden event that arrives later
-- change nothing. hidden_seq is the chat's lastSeq when it was hidden: chat-service shows the chat
-- again once a message above it arrives, so hiding needs no write when the next message comes.
-- Ids compare byte for byte, as everywhere since V2. The primary key leads with chat_id, which is
-- how a snapshot reads the rows of its chats.
CREATE TABLE hidden_chats (
	chat_id    VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	user_id    VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	hidden     BOOLEAN     NOT NULL,
	hidden_seq BIGINT      NOT NULL,
	changed_at DATETIME(6) NOT NULL,
	PRIMARY KEY (chat_id, user_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
