package dev.carrier.persistence.search;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Where the next page starts, opaque to clients: after a (sent_at, id) for newest-first
 * pages, or after an offset for best-match pages.
 */
record SearchCursor(String sentAtKey, String id, int offset) {

	static SearchCursor after(SearchIndex.Hit last, SearchOrder order, int offset) {
		return (order == SearchOrder.BEST) ? new SearchCursor(null, null, offset)
				: new SearchCursor(last.sentAtKey(), last.id(), 0);
	}

	String encode() {
		String plain = (this.id != null) ? "n|" + this.sentAtKey + "|" + this.id : "b|" + this.offset;
		return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
	}

	static SearchCursor decode(String cursor) {
		try {
			String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
			if (parts.length == 3 && parts[0].equals("n") && parts[1].matches("\\d{4}-\\d\\d-\\d\\d [\\d:.]+")) {
				return new SearchCursor(parts[1], parts[2], 0);
			}
			if (parts.length == 2 && parts[0].equals("b")) {
				return new SearchCursor(null, null, Math.max(0, Integer.parseInt(parts[1])));
			}
		}
		catch (IllegalArgumentException ex) {
			// falls through to the refusal
		}
		throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "before is not a cursor this search handed out");
	}

}
