package dev.carrier.chat.chats;

import java.util.List;

import dev.carrier.chat.shared.CallerId;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.context.ApplicationEventPublisher;
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

	private final ChatCreation creation;

	private final ChatMembership membership;

	private final ChatAccess access;

	private final ChatViews views;

	private final ApplicationEventPublisher events;

	ChatController(ChatCreation creation, ChatMembership membership, ChatAccess access, ChatViews views,
			ApplicationEventPublisher events) {
		this.creation = creation;
		this.membership = membership;
		this.access = access;
		this.views = views;
		this.events = events;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	ChatResponse create(@Parameter(hidden = true) @CallerId String userId,
			@Valid @RequestBody CreateChatRequest request) {
		return new ChatResponse(this.creation.create(userId, request));
	}

	@GetMapping("/{chatId}")
	ChatResponse get(@Parameter(hidden = true) @CallerId String userId, @PathVariable String chatId) {
		StoredChat chat = this.access.requireMember(chatId, userId);
		this.events.publishEvent(new ChatsOpened(List.of(chatId)));
		return new ChatResponse(this.views.view(chat));
	}

	@PostMapping("/{chatId}/members")
	ChatResponse addMembers(@Parameter(hidden = true) @CallerId String userId, @PathVariable String chatId,
			@Valid @RequestBody AddMembersRequest request) {
		return new ChatResponse(this.membership.addMembers(chatId, userId, request));
	}

	@DeleteMapping("/{chatId}/members/me")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void leave(@Parameter(hidden = true) @CallerId String userId, @PathVariable String chatId) {
		this.membership.leave(chatId, userId);
	}

	/** {@code {chat}}. */
	record ChatResponse(Chat chat) {
	}

}
