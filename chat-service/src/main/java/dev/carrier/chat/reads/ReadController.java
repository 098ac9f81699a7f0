package dev.carrier.chat.reads;

import dev.carrier.chat.shared.CallerId;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/chats/{chatId}/read {seq}}.
 */
@RestController
@Tag(name = "chats")
class ReadController {

	private final ReadService reads;

	ReadController(ReadService reads) {
		this.reads = reads;
	}

	@PostMapping("/api/chats/{chatId}/read")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void markRead(@Parameter(hidden = true) @CallerId String userId, @PathVariable String chatId,
			@Valid @RequestBody ReadRequest request) {
		this.reads.markRead(chatId, userId, request.seq());
	}

}
