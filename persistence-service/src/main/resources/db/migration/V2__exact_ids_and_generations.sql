-- Ids are canonical lower-case UUIDs and compare byte for byte: with the old case-insensitive
-- collation an upper-cased chat id found the real chat, so a stranger's request for
-- "/api/chats/<ID IN UPPER CASE>" reloaded a live chat from MySQL (issue: a chat that never rewinds).
-- Existing values are kept as they are; only how they compare changes.
ALTER TABLE users MODIFY id VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;
ALTER TABLE avatars MODIFY user_id VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;
ALTER TABLE chats MODIFY id VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;
ALTER TABLE chat_members
	MODIFY chat_id VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	MODIFY user_id VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;
ALTER TABLE messages
	MODIFY id VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	MODIFY chat_id VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	MODIFY sender_id VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	MODIFY client_message_id VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL;
ALTER TABLE read_positions
	MODIFY chat_id VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	MODIFY user_id VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;

-- Each snapshot persistence-service hands chat-service for its cache gets a new generation; each
-- message records the generation that gave it its seq (0: before the chat was first reloaded).
-- When two messages claim one seq, the newer generation keeps it (see SentMessageWriter).
ALTER TABLE chats ADD COLUMN generation BIGINT NOT NULL DEFAULT 0;
ALTER TABLE messages ADD COLUMN generation BIGINT NOT NULL DEFAULT 0;
