-- Files and images sent in messages (issue 20). MySQL holds the bytes: durable before the upload's
-- 201, transactional with the claim, backed up with the rest, one owner; at scale the bytes would
-- move to an S3-compatible object store and this table keep the metadata (README, "Attachments").
-- claim_key is '<senderId>:<clientMessageId>' of the one send that may use the attachment: set by a
-- conditional UPDATE before the message is appended, so two sends cannot both take it and a retry
-- of the same send takes it again. message_id is set when that message is stored (message-sent),
-- which is how a page of history finds its attachments (in the order of the send's
-- attachmentIds: position). No foreign keys, as everywhere here.
CREATE TABLE attachments (
	id             VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	chat_id        VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	uploader_id    VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	name           VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	type           VARCHAR(127) NOT NULL,
	size           BIGINT       NOT NULL,
	width          INT          NULL,
	height         INT          NULL,
	bytes          LONGBLOB     NOT NULL,
	thumbnail      MEDIUMBLOB   NULL,
	thumbnail_type VARCHAR(32)  NULL,
	created_at     DATETIME(6)  NOT NULL,
	claim_key      VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
	message_id     VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
	position       INT          NULL,
	PRIMARY KEY (id),
	KEY attachments_by_message (message_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
