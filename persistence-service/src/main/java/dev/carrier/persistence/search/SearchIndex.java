package dev.carrier.persistence.search;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Message search in MySQL: the full-text index ({@code ft_messages_text}, V7) narrows the
 * candidates by the terms' words, and {@code LIKE} keeps only messages that hold every
 * term as typed (a phrase in order, punctuation included, words too short for the index
 * as well). Deleted messages have empty text and are left out.
 */
@Repository
class SearchIndex {

	private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_]+");

	/**
	 * Scripts written without spaces: MariaDB's word parser indexes a whole run of them
	 * as one word, so a word inside it is found by {@code LIKE} alone.
	 */
	private static final Pattern UNSPACED = Pattern
		.compile("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\p{IsThai}\\p{IsLao}\\p{IsKhmer}\\p{IsMyanmar}]");

	private static final String SENT_AT_KEY = "DATE_FORMAT(sent_at, '%Y-%m-%d %H:%i:%s.%f')";

	/** Messages per chat the recent window reads. */
	static final int WINDOW = 100;

	/** Chats up to which the recent window is tried (one subquery per chat). */
	static final int WINDOW_CHATS = 100;

	private final JdbcTemplate jdbc;

	private volatile Dialect dialect;

	SearchIndex(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** One found message: its id, its place in newest-first order, and its score. */
	record Hit(String id, String sentAtKey) {
	}

	List<Hit> find(List<String> chatIds, SearchTerms terms, SearchOrder order, SearchCursor after, int limit) {
		if (order == SearchOrder.NEWEST && chatIds.size() <= WINDOW_CHATS) {
			List<Hit> recent = inRecentWindow(chatIds, terms, after, limit);
			if (recent != null) {
				return recent;
			}
		}
		return throughIndex(chatIds, terms, order, after, limit);
	}

	/**
	 * Newest first, the common case, answered from each chat's newest {@value #WINDOW}
	 * messages (read backwards along the paging index) when that settles it: when the
	 * page is full and its last hit is newer than every message left unread, or when no
	 * chat had more. A frequent word is found this way in a few milliseconds, where the
	 * full-text index would hand over every one of its matches to be sorted; a rare word
	 * falls through to the index (null).
	 */
	private List<Hit> inRecentWindow(List<String> chatIds, SearchTerms terms, SearchCursor after, int limit) {
		List<Object> windowArgs = new ArrayList<>();
		String windows = windows(chatIds, after, "id, chat_id, sent_at, text", windowArgs);
		StringBuilder hitsSql = new StringBuilder("SELECT id, ").append(SENT_AT_KEY)
			.append(" FROM (")
			.append(windows)
			.append(") w WHERE TRUE");
		List<Object> hitArgs = new ArrayList<>(windowArgs);
		for (String term : terms.terms()) {
			hitsSql.append(" AND text LIKE ? ESCAPE '!'");
			hitArgs.add(like(term));
		}
		hitsSql.append(" ORDER BY sent_at DESC, id DESC LIMIT ?");
		hitArgs.add(limit);
		List<Hit> hits = this.jdbc.query(hitsSql.toString(), (row, n) -> new Hit(row.getString(1), row.getString(2)),
				hitArgs.toArray());
		// the newest message left unread: the oldest of a chat's window that was full
		String unreadFrom = this.jdbc.queryForObject(
				"SELECT DATE_FORMAT(MAX(oldest), '%Y-%m-%d %H:%i:%s.%f') FROM " + "(SELECT MIN(sent_at) oldest FROM ("
						+ windows + ") w GROUP BY chat_id HAVING COUNT(*) = " + WINDOW + ") f",
				String.class, windowArgs.toArray());
		if (unreadFrom == null || (hits.size() == limit && hits.getLast().sentAtKey().compareTo(unreadFrom) > 0)) {
			return hits;
		}
		return null;
	}

	/** Each chat's newest {@link #WINDOW} messages (after the cursor), as one UNION. */
	private static String windows(List<String> chatIds, SearchCursor after, String columns, List<Object> args) {
		StringBuilder windows = new StringBuilder();
		for (String chatId : chatIds) {
			windows.append(windows.isEmpty() ? "" : " UNION ALL ")
				.append("(SELECT ")
				.append(columns)
				.append(" FROM messages WHERE chat_id = ? AND deleted = FALSE");
			args.add(chatId);
			if (after != null) {
				windows.append(" AND (sent_at < ? OR (sent_at = ? AND id < ?))");
				args.addAll(List.of(after.sentAtKey(), after.sentAtKey(), after.id()));
			}
			windows.append(" ORDER BY seq DESC LIMIT ").append(WINDOW).append(")");
		}
		return windows.toString();
	}

	private List<Hit> throughIndex(List<String> chatIds, SearchTerms terms, SearchOrder order, SearchCursor after,
			int limit) {
		StringBuilder sql = new StringBuilder("SELECT id, ").append(SENT_AT_KEY)
			.append(" FROM messages WHERE chat_id IN (")
			.append(String.join(",", Collections.nCopies(chatIds.size(), "?")))
			.append(") AND deleted = FALSE");
		List<Object> args = new ArrayList<>(chatIds);
		String against = dialect().booleanQuery(terms);
		if (!against.isEmpty()) {
			sql.append(" AND MATCH(text) AGAINST (? IN BOOLEAN MODE)");
			args.add(against);
		}
		for (String term : terms.terms()) {
			sql.append(" AND text LIKE ? ESCAPE '!'");
			args.add(like(term));
		}
		if (order == SearchOrder.BEST && !against.isEmpty()) {
			sql.append(
					" ORDER BY MATCH(text) AGAINST (? IN BOOLEAN MODE) DESC, sent_at DESC, id DESC LIMIT ? OFFSET ?");
			args.add(against);
			args.add(limit);
			args.add((after != null) ? after.offset() : 0);
		}
		else {
			if (after != null) {
				sql.append(" AND (sent_at < ? OR (sent_at = ? AND id < ?))");
				args.add(after.sentAtKey());
				args.add(after.sentAtKey());
				args.add(after.id());
			}
			sql.append(" ORDER BY sent_at DESC, id DESC LIMIT ?");
			args.add(limit);
		}
		return this.jdbc.query(sql.toString(), (row, n) -> new Hit(row.getString(1), row.getString(2)), args.toArray());
	}

	private static String like(String term) {
		return "%" + term.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
	}

	private Dialect dialect() {
		Dialect known = this.dialect;
		if (known == null) {
			String version = this.jdbc.queryForObject("SELECT VERSION()", String.class);
			boolean mariaDb = version != null && version.toLowerCase(Locale.ROOT).contains("mariadb");
			String variable = mariaDb ? "innodb_ft_min_token_size" : "ngram_token_size";
			Integer minimum = this.jdbc.query("SHOW VARIABLES LIKE '" + variable + "'",
					(rows) -> rows.next() ? Integer.valueOf(rows.getInt(2)) : null);
			known = new Dialect(!mariaDb, (minimum != null) ? minimum : 3);
			this.dialect = known;
		}
		return known;
	}

	/**
	 * How the index splits text: MySQL's n-gram parser (any run of {@code minimum}
	 * characters, matched as a phrase) or MariaDB's word parser (words of at least
	 * {@code minimum} characters, matched with a prefix wildcard).
	 */
	record Dialect(boolean ngram, int minimum) {

		String booleanQuery(SearchTerms terms) {
			List<String> required = new ArrayList<>();
			for (String term : terms.terms()) {
				Matcher words = WORD.matcher(term);
				while (words.find()) {
					String word = words.group();
					boolean indexed = this.ngram || !UNSPACED.matcher(word).find();
					if (indexed && word.length() >= this.minimum && !required.contains(word)) {
						required.add(word);
					}
				}
			}
			return String.join(" ",
					required.stream().map((word) -> this.ngram ? "+\"" + word + "\"" : "+" + word + "*").toList());
		}

	}

}
