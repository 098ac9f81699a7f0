package dev.carrier.chat.search;

import java.util.Set;

import dev.carrier.chat.shared.InvalidRequest;

/**
 * What {@code GET /api/search} was asked: {@code q} (1–200 characters after trimming),
 * optionally one chat, the cursor of the page before, a page size (1–50, default 20) and
 * {@code newest} (default) or {@code best} first.
 */
record SearchQuery(String q, String chatId, String before, Integer limit, String order) {

	static final int MAX_QUERY = 200;

	private static final Set<String> ORDERS = Set.of("newest", "best");

	String text() {
		String text = (this.q != null) ? this.q.trim() : "";
		if (text.isEmpty() || text.length() > MAX_QUERY) {
			throw new InvalidRequest("q must be 1 to " + MAX_QUERY + " characters");
		}
		return text;
	}

	int pageSize() {
		if (this.limit == null) {
			return 20;
		}
		if (this.limit < 1 || this.limit > 50) {
			throw new InvalidRequest("limit must be 1 to 50");
		}
		return this.limit;
	}

	String orderOrNewest() {
		if (this.order == null) {
			return "newest";
		}
		if (!ORDERS.contains(this.order)) {
			throw new InvalidRequest("order must be newest or best");
		}
		return this.order;
	}

}
