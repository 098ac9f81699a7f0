package dev.carrier.chat.messages;

/**
 * What a reply shows of the message it answers, {@code {id, seq, senderId, excerpt,
 * deleted}}: the start of the original's current text, or nothing once it is deleted.
 */
public record Quote(String id, long seq, String senderId, String excerpt, boolean deleted) {

	/** Characters of the original a quote shows. */
	static final int EXCERPT = 120;

	static Quote of(Message original) {
		return new Quote(original.id(), original.seq(), original.senderId(), excerpt(original.text()), false);
	}

	/** The first {@link #EXCERPT} characters, never cutting a surrogate pair in two. */
	static String excerpt(String text) {
		if (text.length() <= EXCERPT) {
			return text;
		}
		int end = Character.isHighSurrogate(text.charAt(EXCERPT - 1)) ? EXCERPT - 1 : EXCERPT;
		return text.substring(0, end);
	}

}
