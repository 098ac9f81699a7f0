package dev.carrier.persistence.attachments;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

/** What the messages feature reads and writes of attachments. */
@Service
public class Attachments {

	private final AttachmentStore store;

	Attachments(AttachmentStore store) {
		this.store = store;
	}

	/** The attachments of each of these messages that has any (one query for all). */
	public Map<String, List<Attachment>> ofMessages(Collection<String> messageIds) {
		return this.store.ofMessages(messageIds);
	}

	/**
	 * Records that a stored message carries these attachments (call inside the batch's
	 * transaction); only attachments of its chat and sender that no message holds yet.
	 */
	public void link(String messageId, String chatId, String senderId, List<String> attachmentIds) {
		if (!attachmentIds.isEmpty()) {
			this.store.link(messageId, chatId, senderId, attachmentIds);
		}
	}

}
