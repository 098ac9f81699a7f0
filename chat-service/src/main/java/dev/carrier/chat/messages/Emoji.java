package dev.carrier.chat.messages;

import java.text.BreakIterator;

/**
 * What a reaction may be: one emoji as a person picks it, a single grapheme (a flag, a
 * keycap, a skin tone or a ZWJ family included), built only of emoji code points and the
 * joiners and selectors that combine them, with at least one that shows as a picture.
 */
final class Emoji {

	/** UTF-16 length of the longest emoji sequence stored (the column holds 64). */
	static final int MAX_LENGTH = 32;

	private static final int ZERO_WIDTH_JOINER = 0x200D;

	private static final int VARIATION_SELECTOR_16 = 0xFE0F;

	private static final int COMBINING_KEYCAP = 0x20E3;

	private Emoji() {
	}

	static boolean isOne(String text) {
		if (text == null || text.isEmpty() || text.length() > MAX_LENGTH || !isOneGrapheme(text)) {
			return false;
		}
		boolean pictured = false;
		for (int codePoint : text.codePoints().toArray()) {
			if (!Character.isEmoji(codePoint) && !Character.isEmojiComponent(codePoint)
					&& codePoint != ZERO_WIDTH_JOINER && codePoint != VARIATION_SELECTOR_16 && !isTag(codePoint)) {
				return false;
			}
			pictured |= Character.isExtendedPictographic(codePoint) || Character.isEmojiPresentation(codePoint)
					|| codePoint == COMBINING_KEYCAP;
		}
		return pictured;
	}

	private static boolean isOneGrapheme(String text) {
		BreakIterator graphemes = BreakIterator.getCharacterInstance();
		graphemes.setText(text);
		return graphemes.next() == text.length();
	}

	/** Tag characters, which spell out subdivision flags (England, Scotland, Wales). */
	private static boolean isTag(int codePoint) {
		return codePoint >= 0xE0020 && codePoint <= 0xE007F;
	}

}
