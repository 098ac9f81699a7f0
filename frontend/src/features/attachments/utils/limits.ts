/**
 * The largest file a message may carry: the server's default limit (10 MiB, issue 20). Checked
 * here before uploading, so a file that would be refused is not sent at all; the server's 413
 * remains the truth when it is configured lower.
 */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** The API takes at most this many attachments in one message. */
export const MAX_ATTACHMENTS_PER_MESSAGE = 10;

/** Said when a file is over the limit, before uploading or when the server answers 413. */
export const TOO_LARGE_TEXT = 'too large, limit 10 MiB';
