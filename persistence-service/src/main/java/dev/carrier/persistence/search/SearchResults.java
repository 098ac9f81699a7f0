package dev.carrier.persistence.search;

import java.util.List;

import dev.carrier.persistence.messages.MessageView;

/**
 * {@code {results: [{message, highlights}], next}}: {@code highlights} are
 * {@code [start, end)} offsets into the message's text; {@code next} is the cursor of the
 * following page, null on the last.
 */
record SearchResults(List<Result> results, String next) {

	record Result(MessageView message, List<int[]> highlights) {
	}

}
