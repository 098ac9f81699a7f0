package dev.carrier.persistence.chats;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** chat-service's read-through to durable chats. */
@RestController
class ChatController {

	private final ChatRepository chats;

	private final ChatStore store;

	ChatController(ChatRepository chats, ChatStore store) {
		this.chats = chats;
		this.store = store;
	}

	@Operation(summary = "The direct chat of two users, if they have one")
	@GetMapping("/internal/direct-chats")
	DirectChat directChat(@RequestParam @NotBlank @Size(max = 64) String userA,
			@RequestParam @NotBlank @Size(max = 64) String userB) {
		return this.chats.findIdByDirectKey(ChatStore.directKey(userA, userB))
			.map(DirectChat::new)
			.orElseThrow(() -> new ChatNotFound("No direct chat between these users"));
	}

	@Operation(summary = "A chat with its members and last seq")
	@GetMapping("/internal/chats/{chatId}")
	ChatView chat(@PathVariable @Size(max = 64) String chatId) {
		return this.chats.findById(chatId)
			.map((chat) -> chat.toView(this.store.storedLastSeq(chatId)))
			.orElseThrow(() -> ChatNotFound.withId(chatId));
	}

}
