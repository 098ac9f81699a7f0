package dev.carrier.persistence.attachments;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Storing uploads and claiming them for a message. An upload is checked by its bytes
 * ({@link FileType}), an image decoded within bounds for its thumbnail
 * ({@link Thumbnails}), and the row committed before the answer, so the 201 chat-service
 * passes on is durable.
 */
@Service
class AttachmentService {

	static final int MAX_NAME = 255;

	private final AttachmentStore store;

	private final Thumbnails thumbnails;

	AttachmentService(AttachmentStore store, Thumbnails thumbnails) {
		this.store = store;
		this.thumbnails = thumbnails;
	}

	Attachment store(String id, String chatId, String uploaderId, String name, String declaredType, byte[] bytes) {
		String fileName = (name != null) ? name.strip() : "";
		if (fileName.isEmpty() || fileName.length() > MAX_NAME || fileName.chars().anyMatch(Character::isISOControl)) {
			throw new AttachmentRefused.Invalid(
					"name must be 1 to " + MAX_NAME + " characters without control characters");
		}
		if (bytes == null || bytes.length == 0) {
			throw new AttachmentRefused.Invalid("The file is empty");
		}
		String type = FileType.detect(bytes);
		FileType.checkDeclared(declaredType, type);
		Thumbnails.Thumbnail thumbnail = FileType.isImage(type) ? this.thumbnails.of(bytes, type) : null;
		Attachment attachment = new Attachment(id, fileName, type, bytes.length,
				(thumbnail != null) ? thumbnail.width() : null, (thumbnail != null) ? thumbnail.height() : null);
		this.store.insert(chatId, uploaderId, attachment, bytes, thumbnail,
				Instant.now().truncatedTo(ChronoUnit.MICROS));
		return this.store.find(id).orElseThrow(AttachmentRefused.NotFound::new).attachment();
	}

	AttachmentAccess find(String id) {
		return this.store.find(id).orElseThrow(AttachmentRefused.NotFound::new);
	}

	AttachmentStore.Content content(String id) {
		return this.store.bytes(id).orElseThrow(AttachmentRefused.NotFound::new);
	}

	AttachmentStore.Content thumbnail(String id) {
		return this.store.thumbnail(id).orElseThrow(AttachmentRefused.NotFound::new);
	}

	/**
	 * Claims every one of these attachments for the send {@code claimKey} names, or none
	 * of them: each must be the uploader's, of this chat, and not held by another send.
	 * @return the attachments, in the order asked
	 */
	@Transactional
	List<Attachment> claim(String chatId, String uploaderId, String claimKey, List<String> ids) {
		Set<String> distinct = new LinkedHashSet<>(ids);
		if (distinct.isEmpty() || distinct.size() != ids.size()) {
			throw new AttachmentRefused.Invalid("attachmentIds must name different attachments");
		}
		if (this.store.claim(chatId, uploaderId, claimKey, distinct) != distinct.size()) {
			// the transaction rolls back: a refused send claims nothing
			throw new AttachmentRefused.Invalid("Each attachment must be one you uploaded to this chat "
					+ "and not already sent in another message");
		}
		Map<String, Attachment> byId = this.store.byIds(distinct)
			.stream()
			.collect(Collectors.toMap(Attachment::id, Function.identity()));
		return ids.stream().map(byId::get).toList();
	}

}
