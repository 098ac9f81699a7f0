-- A system line is a message chat-service writes when the chat itself changes ("ann added bob",
-- "bob left"): its sender is the member who acted, its text is empty, and these columns say what
-- happened (NULL for a person's message) and to whom, by id (comma-separated), so the line shows
-- the people's current names and survives renames. It takes a seq like any message, so history,
-- export and hydration keep it in its place in the conversation.
ALTER TABLE messages
	ADD COLUMN system_type VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NULL,
	ADD COLUMN system_user_ids TEXT CHARACTER SET ascii COLLATE ascii_bin NULL;
