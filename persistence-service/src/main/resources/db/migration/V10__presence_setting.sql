-- Whether the user hides when they are online (auth-service's setting, carried by user-changed like
-- the rest of the user, and read back with the user after a loss of Redis). V10: V8 and V9 are left
-- to the system lines and the attachments being built at the same time.
ALTER TABLE users ADD COLUMN presence_hidden BOOLEAN NOT NULL DEFAULT FALSE;
