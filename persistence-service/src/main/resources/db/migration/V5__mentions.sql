-- The members a message mentions with @username, by id, comma-separated in the order the text
-- names them (NULL for none): stored by id, so a mention survives a rename. Like the text, an
-- edit's list replaces the send's unless the row holds a later edit, and a tombstone has none.
ALTER TABLE messages ADD COLUMN mentions TEXT CHARACTER SET ascii COLLATE ascii_bin NULL;
