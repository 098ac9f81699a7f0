package dev.carrier.persistence.chats;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import dev.carrier.persistence.messages.MessageStore;
import dev.carrier.persistence.web.NotFound;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** chat-service's read-through to durable chats. */
@RestController
class ChatController {

	private final ChatRepository chats;

	private final MessageStore messages;

	ChatController(ChatRepository chats, MessageStore messages) {
		this.chats = chats;
		this.messages = messages;
	}

	@Operation(summary = "The direct chat of two users, if they have one")
	@GetMapping("/internal/direct-chats")
	DirectChat directChat(@RequestParam @NotBlank @Size(max = 64) String userA,
			@RequestParam @NotBlank @Size(max = 64) String userB) {
		return this.chats.findIdByDirectKey(ChatStore.directKey(userA, userB))
			.map(DirectChat::new)
			.orElseThrow(() -> new NotFound("No direct chat between these users"));
	}

	@Operation(summary = "A chat with its members and last seq")
	@GetMapping("/internal/chats/{chatId}")
	ChatView chat(@PathVariable @Size(max = 64) String chatId) {
		return this.chats.findById(chatId)
			.map((chat) -> chat.toView(this.messages.maxSeq(chatId)))
			.orElseThrow(() -> new NotFound("No chat " + chatId));
	}

}
