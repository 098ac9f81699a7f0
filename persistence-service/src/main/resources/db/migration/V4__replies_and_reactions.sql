-- A reply names the message it answers. No foreign key, as everywhere in this schema: the reply may
-- meet a tombstone row that was written before its own message-sent, and every write must succeed
-- on its own. The original's text is read when the reply is shown (never copied here), so an edit
-- or a deletion of the original shows in every reply to it. Byte-for-byte like the ids it holds (V2).
ALTER TABLE messages ADD COLUMN reply_to_id VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL;

-- One row per (message, emoji, user), kept when the reaction is removed (present = FALSE): the row's
-- changed_at is what lets an older reaction-changed event that arrives later change nothing.
-- The emoji column is binary: under a Unicode collation different emoji (skin tones, ZWJ
-- sequences, with and without a variation selector) may compare equal and share one row.
-- The primary key leads with message_id, which is how a page of messages reads its reactions.
CREATE TABLE message_reactions (
	message_id VARCHAR(64) NOT NULL,
	emoji      VARCHAR(64) NOT NULL,
	user_id    VARCHAR(64) NOT NULL,
	present    BOOLEAN     NOT NULL,
	changed_at DATETIME(6) NOT NULL,
	PRIMARY KEY (message_id, emoji, user_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
