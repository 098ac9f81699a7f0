package dev.carrier.persistence.messages;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import dev.carrier.persistence.chats.ChatService;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * History pages from the durable record: older pages than Redis keeps, and evicted chats.
 */
@RestController
class MessageController {

	private final MessageHistory history;

	private final ChatService chats;

	MessageController(MessageHistory history, ChatService chats) {
		this.history = history;
		this.chats = chats;
	}

	@Operation(summary = "A page of a chat's messages, oldest first",
			description = "With beforeSeq the newest `limit` below it; with afterSeq the oldest `limit` above it; "
					+ "with both the oldest `limit` between them; with neither the newest `limit`.")
	@GetMapping("/internal/chats/{chatId}/messages")
	List<MessageView> page(@PathVariable @Size(max = 64) String chatId,
			@RequestParam(required = false) @Min(1) Long beforeSeq,
			@RequestParam(required = false) @Min(0) Long afterSeq,
			@RequestParam(defaultValue = "50") @Min(1) @Max(1000) int limit) {
		this.chats.requireExists(chatId);
		return this.history.page(chatId, beforeSeq, afterSeq, limit);
	}

}
