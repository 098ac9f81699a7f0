package dev.carrier.chat.attachments;

import java.nio.charset.StandardCharsets;

import dev.carrier.chat.shared.CallerId;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Attachments (docs/api.md, "Attachments"): the body of an upload is the file's bytes,
 * whatever its Content-Type.
 */
@RestController
@Tag(name = "attachments")
class AttachmentController {

	/** An attachment never changes, so a reader's cache may keep it (privately). */
	private static final String CACHE = "private, max-age=86400";

	private final AttachmentService attachments;

	AttachmentController(AttachmentService attachments) {
		this.attachments = attachments;
	}

	@PostMapping(path = "/api/chats/{chatId}/attachments", consumes = MediaType.ALL_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	AttachmentResponse upload(@Parameter(hidden = true) @CallerId String userId, @PathVariable String chatId,
			@RequestParam(required = false) String name,
			@RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
			@RequestBody(required = false) byte[] bytes) {
		return new AttachmentResponse(this.attachments.upload(chatId, userId, name, contentType, bytes));
	}

	@GetMapping("/api/attachments/{id}")
	ResponseEntity<byte[]> download(@Parameter(hidden = true) @CallerId String userId, @PathVariable String id) {
		AttachmentService.Download download = this.attachments.download(id, userId, false);
		String disposition = download.attachment().isImage() ? "inline"
				: "attachment; filename*=UTF-8''" + encoded(download.attachment().name());
		return answer(download).header(HttpHeaders.CONTENT_DISPOSITION, disposition).body(download.bytes());
	}

	@GetMapping("/api/attachments/{id}/thumbnail")
	ResponseEntity<byte[]> thumbnail(@Parameter(hidden = true) @CallerId String userId, @PathVariable String id) {
		AttachmentService.Download download = this.attachments.download(id, userId, true);
		return answer(download).header(HttpHeaders.CONTENT_DISPOSITION, "inline").body(download.bytes());
	}

	private static ResponseEntity.BodyBuilder answer(AttachmentService.Download download) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(download.contentType()))
			.header(HttpHeaders.CACHE_CONTROL, CACHE)
			// never guessed from the bytes: only the type the server detected applies
			.header("X-Content-Type-Options", "nosniff");
	}

	/**
	 * The name as RFC 8187 spells it in {@code filename*}: UTF-8, every byte but the
	 * attr-chars percent-encoded. Only {@code filename*}: a plain {@code filename} could
	 * carry only ASCII, and every browser reads {@code filename*}.
	 */
	static String encoded(String name) {
		StringBuilder out = new StringBuilder();
		for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xFF);
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
					|| "!#$&+-.^_`|~".indexOf(c) >= 0) {
				out.append(c);
			}
			else {
				out.append('%').append(String.format("%02X", b & 0xFF));
			}
		}
		return out.toString();
	}

	/** {@code {attachment}}. */
	record AttachmentResponse(Attachment attachment) {
	}

}
