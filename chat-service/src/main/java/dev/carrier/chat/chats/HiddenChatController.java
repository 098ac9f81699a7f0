package dev.carrier.chat.chats;

import dev.carrier.chat.shared.CallerId;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code PUT /api/chats/{chatId}/hidden} (docs/api.md, "Chats"). */
@RestController
@Tag(name = "chats")
class HiddenChatController {

	private final ChatHiding hiding;

	HiddenChatController(ChatHiding hiding) {
		this.hiding = hiding;
	}

	@PutMapping("/api/chats/{chatId}/hidden")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void setHidden(@Parameter(hidden = true) @CallerId String userId, @PathVariable String chatId,
			@Valid @RequestBody HideChatRequest request) {
		this.hiding.setHidden(chatId, userId, request.hidden());
	}

}
