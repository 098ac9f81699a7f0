package dev.carrier.chat.messages;

import dev.carrier.chat.shared.CallerId;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Emoji reactions on a message (docs/api.md, "Messages"): the emoji is the last path
 * segment, percent-encoded.
 */
@RestController
@RequestMapping("/api/chats/{chatId}/messages/{messageId}/reactions/{emoji}")
@Tag(name = "messages")
class ReactionController {

	private final MessageReactions reactions;

	ReactionController(MessageReactions reactions) {
		this.reactions = reactions;
	}

	@PutMapping
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void add(@Parameter(hidden = true) @CallerId String userId, @PathVariable String chatId,
			@PathVariable String messageId, @PathVariable String emoji) {
		this.reactions.react(chatId, messageId, userId, emoji, true);
	}

	@DeleteMapping
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void remove(@Parameter(hidden = true) @CallerId String userId, @PathVariable String chatId,
			@PathVariable String messageId, @PathVariable String emoji) {
		this.reactions.react(chatId, messageId, userId, emoji, false);
	}

}
