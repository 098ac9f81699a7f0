-- An edited message keeps its new text in `text` and the time of its latest edit in `edited_at`
-- (NULL until edited). Edits arrive on their own topic, in any order with the message's send:
-- the upsert keeps the latest edit by edited_at (see MessageStore).
ALTER TABLE messages ADD COLUMN edited_at DATETIME(6) NULL;
