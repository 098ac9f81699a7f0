package dev.carrier.persistence.search;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Message search for chat-service, which names the chats the caller is in. */
@RestController
class SearchController {

	private final MessageSearch search;

	SearchController(MessageSearch search) {
		this.search = search;
	}

	@Operation(summary = "Messages of these chats that hold every term, newest or best match first")
	@PostMapping("/internal/search")
	SearchResults search(@Valid @RequestBody SearchRequest request) {
		return this.search.search(request);
	}

}
