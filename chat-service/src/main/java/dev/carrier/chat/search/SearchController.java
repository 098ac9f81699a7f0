package dev.carrier.chat.search;

import dev.carrier.chat.shared.CallerId;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/search} (docs/api.md, "Search"). */
@RestController
@Tag(name = "search")
class SearchController {

	private final MessageSearch search;

	SearchController(MessageSearch search) {
		this.search = search;
	}

	@GetMapping("/api/search")
	SearchResults search(@Parameter(hidden = true) @CallerId String userId, @RequestParam(required = false) String q,
			@RequestParam(required = false) String chatId, @RequestParam(required = false) String before,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String order) {
		return this.search.search(userId, new SearchQuery(q, chatId, before, limit, order));
	}

}
