package dev.carrier.persistence.attachments;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Attachments for chat-service, which checks membership before it calls: the bytes of an
 * upload (its id chosen by chat-service, so a retried upload stores one row), metadata,
 * bytes and thumbnails, and claims for a send.
 */
@RestController
@Validated
class AttachmentController {

	private final AttachmentService attachments;

	AttachmentController(AttachmentService attachments) {
		this.attachments = attachments;
	}

	@Operation(summary = "Store an upload (the body is the file's bytes)")
	@PutMapping(path = "/internal/attachments/{id}", consumes = MediaType.ALL_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	AttachmentResponse store(@PathVariable @Size(max = 64) String id, @RequestParam @Size(max = 64) String chatId,
			@RequestParam @Size(max = 64) String uploaderId, @RequestParam(required = false) String name,
			@RequestParam(required = false) String declaredType, @RequestBody(required = false) byte[] bytes) {
		return new AttachmentResponse(this.attachments.store(id, chatId, uploaderId, name, declaredType, bytes));
	}

	@Operation(summary = "An attachment's metadata, chat, uploader and whether a send claimed it")
	@GetMapping("/internal/attachments/{id}")
	AttachmentAccess find(@PathVariable @Size(max = 64) String id) {
		return this.attachments.find(id);
	}

	@Operation(summary = "An attachment's bytes, as uploaded")
	@GetMapping("/internal/attachments/{id}/content")
	ResponseEntity<byte[]> content(@PathVariable @Size(max = 64) String id) {
		return bytes(this.attachments.content(id));
	}

	@Operation(summary = "An image attachment's thumbnail; 404 for other files")
	@GetMapping("/internal/attachments/{id}/thumbnail")
	ResponseEntity<byte[]> thumbnail(@PathVariable @Size(max = 64) String id) {
		return bytes(this.attachments.thumbnail(id));
	}

	@Operation(summary = "Claim attachments for one send (all or none); a retry of that send claims them again")
	@PostMapping("/internal/attachments/claims")
	ClaimResponse claim(@Valid @RequestBody ClaimRequest request) {
		return new ClaimResponse(this.attachments.claim(request.chatId(), request.uploaderId(), request.claimKey(),
				request.attachmentIds()));
	}

	private static ResponseEntity<byte[]> bytes(AttachmentStore.Content content) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_TYPE, content.type())
			.header("X-Content-Type-Options", "nosniff")
			.body(content.bytes());
	}

	/** {@code {attachment}}. */
	record AttachmentResponse(Attachment attachment) {
	}

	/** {@code claimKey} is {@code <senderId>:<clientMessageId>} of the send. */
	record ClaimRequest(@NotBlank @Size(max = 64) String chatId, @NotBlank @Size(max = 64) String uploaderId,
			@NotBlank @Size(max = 200) String claimKey,
			@NotEmpty @Size(max = 10) List<@NotBlank String> attachmentIds) {
	}

	/** {@code {attachments}}, in the order claimed. */
	record ClaimResponse(List<Attachment> attachments) {
	}

}
