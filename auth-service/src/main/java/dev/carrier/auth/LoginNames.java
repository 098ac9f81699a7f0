package dev.carrier.auth;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The one rule that turns what someone typed as a username or email into the name Carrier
 * compares: signup, profile changes, the login lookup and the per-name login limit all go
 * through it, so padding a name with exotic spaces or writing it in full-width letters
 * reaches the same account and the same limit, never a fresh one.
 */
public final class LoginNames {

	private LoginNames() {
	}

	/**
	 * The name as stored and shown: NFKC (full-width letters, ligatures and the many
	 * Unicode spaces become their plain forms) with every kind of space stripped from
	 * both ends; case is kept.
	 */
	public static String canonical(String typed) {
		String folded = Normalizer.normalize(typed, Normalizer.Form.NFKC);
		int start = 0;
		int end = folded.length();
		while (start < end && isSpace(folded.codePointAt(start))) {
			start += Character.charCount(folded.codePointAt(start));
		}
		while (end > start && isSpace(folded.codePointBefore(end))) {
			end -= Character.charCount(folded.codePointBefore(end));
		}
		return folded.substring(start, end);
	}

	/**
	 * The name as compared: {@link #canonical} in lower case. Existing accounts keep
	 * working: their names (ASCII usernames, emails) were indexed lower-cased, which is
	 * what this gives for them.
	 */
	public static String normalize(String typed) {
		return canonical(typed).toLowerCase(Locale.ROOT);
	}

	/**
	 * Whitespace in Java's sense leaves out the no-break spaces (U+00A0, U+2007, U+202F)
	 * and the zero-width ones (U+200B-U+200D, U+2060, U+FEFF), which look like nothing in
	 * a login form.
	 */
	private static boolean isSpace(int codePoint) {
		return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)
				|| (codePoint >= 0x200B && codePoint <= 0x200D) || codePoint == 0x2060 || codePoint == 0xFEFF
				|| codePoint == 0x180E;
	}

}
