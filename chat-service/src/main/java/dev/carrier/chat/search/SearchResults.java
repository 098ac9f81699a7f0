package dev.carrier.chat.search;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * {@code {results: [{message, chat: {id, type, name}, highlights}], next}}:
 * {@code highlights} are {@code [start, end)} offsets into the message's text;
 * {@code next} the cursor of the following page, null on the last.
 */
record SearchResults(List<Result> results, String next) {

	record Result(JsonNode message, ChatRef chat, JsonNode highlights) {
	}

	record ChatRef(String id, String type, String name) {
	}

}
