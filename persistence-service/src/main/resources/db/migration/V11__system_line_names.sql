-- The usernames a system line was written with (who acted, and whom it concerns), as
-- "id=username" pairs, comma-separated (usernames are [A-Za-z0-9_.-]): what a client shows for
-- someone it no longer knows, such as a member who left. Clients prefer the current name.
ALTER TABLE messages ADD COLUMN system_names TEXT CHARACTER SET ascii COLLATE ascii_bin NULL;
