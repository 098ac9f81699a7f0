package dev.carrier.chat.chats;

import java.util.List;

import dev.carrier.chat.web.CallerId;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Chats and membership (docs/api.md, "Chats").
 */
@RestController
@RequestMapping("/api/chats")
@Tag(name = "chats")
class ChatController {

	private final ChatService chats;

	ChatController(ChatService chats) {
		this.chats = chats;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	ChatResponse create(@Parameter(hidden = true) @CallerId String userId,
			@Valid @RequestBody CreateChatRequest request) {
		return new ChatResponse(this.chats.create(userId, request));
	}

	@GetMapping
	List<ChatSummary> list(@Parameter(hidden = true) @CallerId String userId) {
		return this.chats.list(userId);
	}

	@GetMapping("/{chatId}")
	ChatResponse get(@Parameter(hidden = true) @CallerId String userId, @PathVariable String chatId) {
		return new ChatResponse(this.chats.open(chatId, userId));
	}

	@PostMapping("/{chatId}/members")
	ChatResponse addMembers(@Parameter(hidden = true) @CallerId String userId, @PathVariable String chatId,
			@Valid @RequestBody AddMembersRequest request) {
		return new ChatResponse(this.chats.addMembers(chatId, userId, request));
	}

	@DeleteMapping("/{chatId}/members/me")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void leave(@Parameter(hidden = true) @CallerId String userId, @PathVariable String chatId) {
		this.chats.leave(chatId, userId);
	}

	/** {@code {chat}}. */
	record ChatResponse(Chat chat) {
	}

}
