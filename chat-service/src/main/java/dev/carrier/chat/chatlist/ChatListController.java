package dev.carrier.chat.chatlist;

import java.util.List;

import dev.carrier.chat.shared.CallerId;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/chats} (docs/api.md, "Chats").
 */
@RestController
@Tag(name = "chats")
class ChatListController {

	private final ChatListService chats;

	ChatListController(ChatListService chats) {
		this.chats = chats;
	}

	@GetMapping("/api/chats")
	List<ChatSummary> list(@Parameter(hidden = true) @CallerId String userId) {
		return this.chats.list(userId);
	}

}
