package dev.carrier.persistence.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a person typed, as terms: {@code "quoted phrases"} and single words, lower-cased,
 * with the full-text operators ({@code + - < > ( ) ~ * @ "}) taken out so that they only
 * ever search for text.
 */
record SearchTerms(List<String> terms) {

	private static final Pattern TERM = Pattern.compile("\"([^\"]*)\"|(\\S+)");

	private static final Pattern OPERATORS = Pattern.compile("[+\\-<>()~*@\"]+");

	static SearchTerms parse(String query) {
		List<String> terms = new ArrayList<>();
		Matcher matcher = TERM.matcher(query);
		while (matcher.find()) {
			String raw = (matcher.group(1) != null) ? matcher.group(1) : matcher.group(2);
			String term = OPERATORS.matcher(raw).replaceAll(" ").trim().replaceAll("\\s+", " ");
			if (!term.isEmpty() && !terms.contains(term.toLowerCase(Locale.ROOT))) {
				terms.add(term.toLowerCase(Locale.ROOT));
			}
		}
		return new SearchTerms(List.copyOf(terms));
	}

	boolean isEmpty() {
		return this.terms.isEmpty();
	}

	/**
	 * Where the terms occur in a text, as {@code [start, end)} UTF-16 offsets, in order,
	 * overlaps merged: what a client highlights.
	 */
	List<int[]> highlightsIn(String text) {
		String lower = text.toLowerCase(Locale.ROOT);
		List<int[]> found = new ArrayList<>();
		if (lower.length() != text.length()) {
			// a lower-casing that changes length would shift every offset: no highlights
			return found;
		}
		for (String term : this.terms) {
			for (int at = lower.indexOf(term); at >= 0; at = lower.indexOf(term, at + term.length())) {
				found.add(new int[] { at, at + term.length() });
			}
		}
		found.sort((a, b) -> (a[0] != b[0]) ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
		List<int[]> merged = new ArrayList<>();
		for (int[] range : found) {
			int[] last = merged.isEmpty() ? null : merged.getLast();
			if (last != null && range[0] <= last[1]) {
				last[1] = Math.max(last[1], range[1]);
			}
			else {
				merged.add(range.clone());
			}
		}
		return merged;
	}

}
