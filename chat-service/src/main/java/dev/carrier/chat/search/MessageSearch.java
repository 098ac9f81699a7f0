package dev.carrier.chat.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.carrier.chat.chats.ChatAccess;
import dev.carrier.chat.chats.StoredChat;
import dev.carrier.chat.history.PersistenceClient;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Service;

/**
 * Message search across the caller's chats, or one of them (issue 20). Membership is this
 * service's (the cache's, reloaded where it was lost), so a chat one has left is never
 * searched; the words are matched by persistence-service's full-text index over MySQL,
 * which holds every acknowledged message within moments of its 201.
 */
@Service
class MessageSearch {

	private final ChatAccess chats;

	private final PersistenceClient persistence;

	MessageSearch(ChatAccess chats, PersistenceClient persistence) {
		this.chats = chats;
		this.persistence = persistence;
	}

	SearchResults search(String userId, SearchQuery query) {
		String text = query.text();
		int limit = query.pageSize();
		String order = query.orderOrNewest();
		List<StoredChat> scope = (query.chatId() != null) ? List.of(this.chats.requireMember(query.chatId(), userId))
				: this.chats.chatsOf(userId);
		if (scope.isEmpty()) {
			return new SearchResults(List.of(), null);
		}
		Map<String, StoredChat> byId = scope.stream().collect(Collectors.toMap(StoredChat::id, Function.identity()));
		JsonNode found = this.persistence.search(List.copyOf(byId.keySet()), text, order, query.before(), limit);
		List<SearchResults.Result> results = new ArrayList<>();
		for (JsonNode result : found.path("results")) {
			JsonNode message = result.path("message");
			StoredChat chat = byId.get(message.path("chatId").asString());
			if (chat != null) {
				results.add(new SearchResults.Result(message,
						new SearchResults.ChatRef(chat.id(), chat.type().spelling(), chat.name()),
						result.path("highlights")));
			}
		}
		JsonNode next = found.path("next");
		return new SearchResults(results, (next.isString()) ? next.asString() : null);
	}

}
