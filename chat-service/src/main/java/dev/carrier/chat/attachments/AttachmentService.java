package dev.carrier.chat.attachments;

import java.util.List;
import java.util.UUID;

import dev.carrier.chat.chats.ChatAccess;
import dev.carrier.chat.chats.ChatNotFound;
import dev.carrier.chat.remote.RemoteService;
import dev.carrier.chat.shared.Ids;
import dev.carrier.chat.shared.InvalidRequest;

import org.springframework.stereotype.Service;

/**
 * Attachments for the members of a chat: uploads, downloads and the claim a send makes.
 * Only a member of the chat learns that an attachment exists; to anyone else every path
 * is a 404, as for the chat itself.
 */
@Service
public class AttachmentService {

	/** Attachments one message may carry. */
	public static final int MAX_PER_MESSAGE = 10;

	private final ChatAccess chats;

	private final AttachmentClient persistence;

	AttachmentService(ChatAccess chats, AttachmentClient persistence) {
		this.chats = chats;
		this.persistence = persistence;
	}

	/**
	 * Stores an upload for the chat (durable in MySQL when this returns); the checks of
	 * name, bytes and type are persistence-service's, after the membership check here.
	 */
	Attachment upload(String chatId, String uploaderId, String name, String declaredType, byte[] bytes) {
		this.chats.requireMember(chatId, uploaderId);
		if (name == null || name.isBlank()) {
			throw new InvalidRequest("name (the file's name) is required");
		}
		if (bytes == null || bytes.length == 0) {
			throw new InvalidRequest("The file is empty");
		}
		return this.persistence.store(UUID.randomUUID().toString(), chatId, uploaderId, name, declaredType, bytes);
	}

	/**
	 * The attachment with its bytes (or its thumbnail's), for a reader allowed to see it.
	 */
	Download download(String attachmentId, String readerId, boolean thumbnail) {
		AttachmentClient.Stored stored = readable(attachmentId, readerId);
		RemoteService.BinaryResponse content = this.persistence.content(attachmentId, thumbnail)
			.orElseThrow(ChatNotFound::new);
		return new Download(stored.attachment(), content.contentType(), content.body());
	}

	/** What {@link #download} hands the controller. */
	record Download(Attachment attachment, String contentType, byte[] bytes) {
	}

	/**
	 * A member of the attachment's chat may read it once a send claimed it; before that
	 * only its uploader may. Everyone else, and every id that is not one, gets a 404.
	 */
	private AttachmentClient.Stored readable(String attachmentId, String readerId) {
		if (!Ids.isValid(attachmentId)) {
			throw new ChatNotFound();
		}
		AttachmentClient.Stored stored = this.persistence.find(attachmentId).orElseThrow(ChatNotFound::new);
		this.chats.requireMember(stored.chatId(), readerId);
		if (!stored.claimed() && !stored.uploaderId().equals(readerId)) {
			throw new ChatNotFound();
		}
		return stored;
	}

	/**
	 * Claims the sender's attachments for one send (all or none) before its message is
	 * appended: the claim is keyed by the send's clientMessageId, so a retry of the same
	 * send claims them again, and no other send can take them.
	 * @throws InvalidRequest when one is unknown, of another chat or uploader, or sent
	 * already
	 */
	public List<Attachment> claim(String chatId, String senderId, String clientMessageId, List<String> ids) {
		if (ids.size() > MAX_PER_MESSAGE) {
			throw new InvalidRequest("A message carries at most " + MAX_PER_MESSAGE + " attachments");
		}
		if (!ids.stream().allMatch(Ids::isValid)) {
			throw new InvalidRequest("attachmentIds must be ids of attachments you uploaded to this chat");
		}
		return this.persistence.claim(chatId, senderId, senderId + ":" + clientMessageId, ids);
	}

}
