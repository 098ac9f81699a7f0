package dev.carrier.chat.messages;

import java.util.List;

import dev.carrier.chat.shared.CallerId;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Messages of a chat (docs/api.md, "Messages").
 */
@RestController
@RequestMapping("/api/chats/{chatId}")
@Tag(name = "messages")
class MessageController {

	private final MessageService messages;

	private final MessageHistory history;

	private final ExportService export;

	private final MessageEditing editing;

	MessageController(MessageService messages, MessageHistory history, ExportService export, MessageEditing editing) {
		this.messages = messages;
		this.editing = editing;
		this.history = history;
		this.export = export;
	}

	@PostMapping("/messages")
	@ResponseStatus(HttpStatus.CREATED)
	MessageResponse send(@Parameter(hidden = true) @CallerId String userId, @PathVariable String chatId,
			@Valid @RequestBody SendMessageRequest request) {
		return new MessageResponse(this.messages.send(chatId, userId, request));
	}

	@GetMapping("/messages")
	List<Message> page(@Parameter(hidden = true) @CallerId String userId, @PathVariable String chatId,
			@RequestParam(required = false) Long beforeSeq, @RequestParam(required = false) Long afterSeq,
			@RequestParam(required = false) Integer limit) {
		return this.history.page(chatId, userId, beforeSeq, afterSeq, limit);
	}

	@PatchMapping("/messages/{messageId}")
	MessageResponse edit(@Parameter(hidden = true) @CallerId String userId, @PathVariable String chatId,
			@PathVariable String messageId, @Valid @RequestBody EditMessageRequest request) {
		return new MessageResponse(this.editing.edit(chatId, messageId, userId, request));
	}

	@DeleteMapping("/messages/{messageId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@Parameter(hidden = true) @CallerId String userId, @PathVariable String chatId,
			@PathVariable String messageId) {
		this.messages.delete(chatId, messageId, userId);
	}

	@GetMapping("/export")
	ResponseEntity<byte[]> export(@Parameter(hidden = true) @CallerId String userId, @PathVariable String chatId,
			@RequestParam(defaultValue = "json") String format) {
		return this.export.export(chatId, userId, format);
	}

	/** {@code {message}}. */
	record MessageResponse(Message message) {
	}

}
