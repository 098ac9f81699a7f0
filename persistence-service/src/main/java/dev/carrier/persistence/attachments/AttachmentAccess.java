package dev.carrier.persistence.attachments;

/**
 * What chat-service needs to decide who may read an attachment: its chat, its uploader,
 * and whether a send has claimed it (then every member of the chat may read it).
 */
record AttachmentAccess(Attachment attachment, String chatId, String uploaderId, boolean claimed) {
}
