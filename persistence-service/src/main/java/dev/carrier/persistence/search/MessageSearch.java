package dev.carrier.persistence.search;

import java.util.List;

import dev.carrier.persistence.messages.MessageService;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * Finds messages of the given chats by their words (issue 20). MySQL's full-text index
 * serves it on one machine; at a larger scale a search engine fed from the same Kafka
 * topics would take its place behind this endpoint (README, "Search").
 */
@Service
class MessageSearch {

	private final SearchIndex index;

	private final MessageService messages;

	MessageSearch(SearchIndex index, MessageService messages) {
		this.index = index;
		this.messages = messages;
	}

	SearchResults search(SearchRequest request) {
		SearchTerms terms = SearchTerms.parse(request.q());
		if (terms.isEmpty()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "q holds no words to search for");
		}
		if (request.chatIds().isEmpty()) {
			return new SearchResults(List.of(), null);
		}
		SearchOrder order = request.orderOrNewest();
		SearchCursor after = (request.before() != null) ? SearchCursor.decode(request.before()) : null;
		int size = request.pageSize();
		List<SearchIndex.Hit> hits = this.index.find(request.chatIds(), terms, order, after, size + 1);
		List<SearchIndex.Hit> page = hits.subList(0, Math.min(size, hits.size()));
		List<SearchResults.Result> results = this.messages.views(page.stream().map(SearchIndex.Hit::id).toList())
			.stream()
			.map((message) -> new SearchResults.Result(message, terms.highlightsIn(message.text())))
			.toList();
		int offset = ((after != null) ? after.offset() : 0) + page.size();
		String next = (hits.size() > size) ? SearchCursor.after(page.getLast(), order, offset).encode() : null;
		return new SearchResults(results, next);
	}

}
